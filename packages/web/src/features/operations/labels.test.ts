import { describe, expect, it } from 'vitest';
import { lines, numberOrNothing } from './labels.ts';

describe('plan form helpers', () => {
  it('reads one item per non-empty line', () => {
    expect(lines(' PARK JUNHO \n\n LI WEI\n')).toEqual(['PARK JUNHO', 'LI WEI']);
  });
  it('reads numbers, leaving empty fields out', () => {
    expect(numberOrNothing('')).toBeUndefined();
    expect(numberOrNothing('0.05')).toBe(0.05);
    expect(numberOrNothing('abc')).toBeUndefined();
  });
});
