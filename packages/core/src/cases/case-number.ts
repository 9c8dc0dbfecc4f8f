import { z } from 'zod';

/**
 * `<AGENCY>-<YEAR>-<6 digits>`, e.g. `KNPA-2026-000137`. Agency codes may themselves contain dashes. A case
 * mirrored from a partner node whose number is already taken here keeps it with the partner's node name,
 * `KNPA-2026-000137@knpa` (federation/case-sync/local-writes.ts).
 */
const caseNumberPattern = /^([A-Z][A-Z0-9-]{1,15})-(\d{4})-(\d{6})(?:@([a-z0-9][a-z0-9-]{0,62}))?$/;

export const CaseNumber = z
  .string()
  .regex(caseNumberPattern, 'A case number looks like KNPA-2026-000137 (agency, year, 6 digits)');
export type CaseNumber = z.infer<typeof CaseNumber>;

export interface CaseNumberParts {
  agency: string;
  year: number;
  seq: number;
  /** The partner node a mirrored case's number came from, when that number was taken here. */
  node?: string;
}

export const maxCaseSequence = 999_999;

/** Formats a case number; throws a RangeError on parts that cannot round-trip (a programming error). */
export function formatCaseNumber(agency: string, year: number, seq: number): CaseNumber {
  if (!/^[A-Z][A-Z0-9-]{1,15}$/.test(agency)) throw new RangeError(`Not an agency code: ${agency}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > maxCaseSequence) {
    throw new RangeError(`Case sequence must be 1–${maxCaseSequence}: ${seq}`);
  }
  return `${agency}-${year}-${String(seq).padStart(6, '0')}`;
}

/** Parses a case number into its parts, or returns null when it is not one. */
export function parseCaseNumber(value: string): CaseNumberParts | null {
  const match = caseNumberPattern.exec(value);
  if (!match) return null;
  const [, agency, year, seq, node] = match;
  const parts: CaseNumberParts = {
    agency: agency!,
    year: Number(year),
    seq: Number(seq),
    ...(node && { node }),
  };
  return parts.seq >= 1 && parts.year >= 1000 ? parts : null;
}
