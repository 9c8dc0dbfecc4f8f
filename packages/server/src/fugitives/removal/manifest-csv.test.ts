import { describe, expect, it } from 'vitest';
import { csvCell } from './manifest-csv.ts';
import { bothZones } from './manifest-labels.ts';

describe('the manifest helpers', () => {
  it('quotes CSV cells that need it and defuses formula-looking ones', () => {
    expect(csvCell('KIM MINSU')).toBe('KIM MINSU');
    expect(csvCell('Lee, Youngsoo')).toBe('"Lee, Youngsoo"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+855 12 345 678')).toBe("'+855 12 345 678");
    expect(csvCell(7)).toBe('7');
  });

  it('shows a time in Cambodia and in Korea, with the Korean date when it differs', () => {
    expect(bothZones(new Date('2026-01-23T01:30:00Z'))).toBe('2026-01-23 08:30 ICT (10:30 KST)');
    expect(bothZones(new Date('2026-01-23T15:30:00Z'))).toBe('2026-01-23 22:30 ICT (2026-01-24 00:30 KST)');
    expect(bothZones(null)).toBe('—');
  });
});
