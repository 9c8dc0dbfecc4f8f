import { describe, expect, it } from 'vitest';
import { formatInZone, formatMultiZone, ICT, KST, localInputToIso, zonesToShow } from './time.ts';

describe('time formatting', () => {
  const instant = '2026-03-01T00:30:00Z';

  it('formats an instant in the viewer zone with a short zone label', () => {
    expect(formatInZone(instant, KST)).toBe('2026-03-01 09:30 KST');
    expect(formatInZone(instant, ICT)).toBe('2026-03-01 07:30 ICT');
    expect(formatInZone(instant, 'UTC')).toBe('2026-03-01 00:30 UTC');
  });

  it('shows the viewer zone first and never repeats KST or ICT', () => {
    expect(zonesToShow(ICT, true)).toEqual([ICT, KST]);
    expect(zonesToShow(KST, true)).toEqual([KST, ICT]);
    expect(zonesToShow('UTC', true)).toEqual(['UTC', KST, ICT]);
    expect(zonesToShow(KST, false)).toEqual([KST]);
  });

  it('drops the repeated date in the second zone but keeps it when the day differs', () => {
    expect(formatMultiZone(instant, [KST, ICT])).toBe('2026-03-01 09:30 KST · 07:30 ICT');
    expect(formatMultiZone('2026-02-28T15:30:00Z', [KST, ICT])).toBe(
      '2026-03-01 00:30 KST · 2026-02-28 22:30 ICT',
    );
  });

  it('reads a wall-clock input in the viewer zone', () => {
    expect(localInputToIso('2026-03-01T09:30', KST)).toBe('2026-03-01T00:30:00.000Z');
    expect(localInputToIso('2026-03-01T07:30', ICT)).toBe('2026-03-01T00:30:00.000Z');
    expect(localInputToIso('', KST)).toBeUndefined();
  });
});
