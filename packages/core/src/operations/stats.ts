import { z } from 'zod';
import { CrimeTypeCode } from '../cases/case-schema.ts';
import { OperationStatus } from './schemas.ts';

// The numbers of joint operations for the command dashboard (issue 13): arrests by month, crime type,
// nationality and agency; operations and their yields. Counted by the server (`operations/stats-service.ts`).

export const OperationStatsQuery = z.strictObject({
  /** First day counted (arrest date, operation start), inclusive; left out, from the beginning. */
  from: z.iso.date().optional(),
  /** Last day counted, inclusive; left out, up to today. */
  to: z.iso.date().optional(),
});
export type OperationStatsQuery = z.infer<typeof OperationStatsQuery>;

const Count = z.object({ key: z.string(), count: z.int() });

export const OperationYield = z.object({
  id: z.uuid(),
  reference: z.string(),
  codeName: z.string(),
  status: OperationStatus,
  plannedStart: z.string(),
  leadAgency: z.string(),
  arrests: z.int(),
  fugitivesArrested: z.int(),
  rescues: z.int(),
  seizures: z.int(),
});
export type OperationYield = z.infer<typeof OperationYield>;

export const OperationStats = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  totals: z.object({
    operations: z.int(),
    completed: z.int(),
    arrests: z.int(),
    fugitivesArrested: z.int(),
    rescues: z.int(),
    seizures: z.int(),
    drugsGrams: z.number(),
    cash: z.array(z.object({ currency: z.string(), amount: z.number() })),
  }),
  /** `YYYY-MM` (the arrest's month in UTC), oldest first, months without arrests included. */
  arrestsByMonth: z.array(Count),
  /** By crime type code (core/cases/crime-taxonomy.ts) of the arrest, most first. */
  arrestsByCrimeType: z.array(Count.extend({ key: CrimeTypeCode })),
  /** By ISO country code, most first. */
  arrestsByNationality: z.array(Count),
  /** By the arresting agency's code, most first. */
  arrestsByAgency: z.array(Count),
  /** Each operation started in the period with its yield, the latest first. */
  operations: z.array(OperationYield),
});
export type OperationStats = z.infer<typeof OperationStats>;

/** The months from the first to the last, inclusive, as `YYYY-MM`: a dashboard's axis has no holes. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
