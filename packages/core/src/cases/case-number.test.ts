import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseNumber, formatCaseNumber, parseCaseNumber } from './case-number.ts';

const agency = fc.stringMatching(/^[A-Z][A-Z0-9-]{1,15}$/);

describe('case numbers', () => {
  it('pads the sequence to six digits', () => {
    expect(formatCaseNumber('KNPA', 2026, 137)).toBe('KNPA-2026-000137');
    expect(parseCaseNumber('CNP-2025-999999')).toEqual({ agency: 'CNP', year: 2025, seq: 999_999 });
  });

  it('round-trips any agency, year and sequence', () => {
    fc.assert(
      fc.property(
        agency,
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (a, y, s) => {
          const number = formatCaseNumber(a, y, s);
          expect(CaseNumber.safeParse(number).success).toBe(true);
          expect(parseCaseNumber(number)).toEqual({ agency: a, year: y, seq: s });
        },
      ),
    );
  });

  it('keeps dashes that belong to the agency code', () => {
    expect(parseCaseNumber('KNPA-NOI-2026-000001')).toEqual({ agency: 'KNPA-NOI', year: 2026, seq: 1 });
  });

  it("reads a mirrored case's number that carries its partner node", () => {
    expect(parseCaseNumber('KNPA-2026-000001@knpa')).toEqual({
      agency: 'KNPA',
      year: 2026,
      seq: 1,
      node: 'knpa',
    });
    expect(CaseNumber.safeParse('KNPA-2026-000001@knpa-seoul').success).toBe(true);
    for (const bad of [
      'KNPA-2026-000001@',
      'KNPA-2026-000001@KNPA',
      'KNPA-2026-000001@-x',
      'KNPA-2026-000001@a@b',
    ])
      expect(parseCaseNumber(bad)).toBeNull();
  });

  it('rejects malformed numbers and unformattable parts', () => {
    for (const bad of [
      'KNPA-2026-137',
      'knpa-2026-000137',
      'KNPA-26-000137',
      'KNPA-2026-0001370',
      'KNPA-2026-000000',
    ]) {
      expect(parseCaseNumber(bad)).toBeNull();
    }
    expect(() => formatCaseNumber('KNPA', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseNumber('knpa', 2026, 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('KNPA', 2026, 0)).toThrow(RangeError);
  });
});
