import { z } from 'zod';
import { type Instant, type RescueDurations, toMillis } from './clock.ts';
import type { ReportChannel } from './report-schema.ts';
import { isSideOutcome, type RescueState } from './states.ts';

/** Cells under this many cases are never published: small numbers identify people. */
export const minimumCellSize = 3;
export const suppressed = '<3';
export const PublishedCount = z.union([z.number(), z.literal(suppressed)]);
export type PublishedCount = z.infer<typeof PublishedCount>;

export interface RescueStatsRow {
  reportedAt: Instant;
  channel: ReportChannel;
  province?: string | undefined;
  state: RescueState;
  durations: RescueDurations;
}

/** How a case turned out, as the statistics count it (the `byOutcome` keys). */
export const rescueOutcomes = [
  'open',
  'rescued',
  'resolved_safe',
  'not_found',
  'declined_help',
  'closed_other',
] as const;
export type RescueOutcome = (typeof rescueOutcomes)[number];

export const StatsCell = z.object({ key: z.string(), count: PublishedCount });
export type StatsCell = z.infer<typeof StatsCell>;

export const PublishedMedian = z.object({
  /** Null when fewer than three cases reached the milestone. */
  medianMs: z.number().nullable(),
  cases: PublishedCount,
});
export type PublishedMedian = z.infer<typeof PublishedMedian>;

export const RescueStats = z.object({
  total: PublishedCount,
  byMonth: z.array(StatsCell),
  byChannel: z.array(StatsCell),
  byProvince: z.array(StatsCell),
  byOutcome: z.array(StatsCell),
  medians: z.object({ toLocated: PublishedMedian, toRescued: PublishedMedian, toHome: PublishedMedian }),
});
export type RescueStats = z.infer<typeof RescueStats>;

const rescuedStates: readonly RescueState[] = ['rescued', 'in_protection', 'repatriated'];

/**
 * How a case turned out. A closed case whose history reached `rescued` counts as rescued; the side outcomes
 * speak for themselves while they are open (the server may pass the side outcome for closed cases).
 */
export function rescueOutcome(row: Pick<RescueStatsRow, 'state' | 'durations'>): RescueOutcome {
  if (isSideOutcome(row.state)) return row.state;
  if (rescuedStates.includes(row.state) || row.durations.toRescuedMs !== null) return 'rescued';
  return row.state === 'closed' ? 'closed_other' : 'open';
}

/** UTC month of the report, `YYYY-MM`. */
function monthOf(instant: Instant): string {
  const ms = toMillis(instant);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 7) : 'unknown';
}

function publish(count: number): PublishedCount {
  return count < minimumCellSize ? suppressed : count;
}

/**
 * Counts per key with small cells suppressed. When exactly one cell is suppressed, the next smallest is
 * suppressed too, so the hidden one cannot be worked out by subtracting the others from the total.
 */
export function suppressedCounts(keys: readonly string[]): StatsCell[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const entries = [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const hidden = new Set(entries.filter(([, n]) => n < minimumCellSize).map(([k]) => k));
  if (hidden.size === 1) {
    const smallest = entries.filter(([k]) => !hidden.has(k)).sort((a, b) => a[1] - b[1])[0];
    if (smallest) hidden.add(smallest[0]);
  }
  return entries.map(([key, n]) => ({ key, count: hidden.has(key) ? suppressed : n }));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function publishedMedian(values: (number | null)[]): PublishedMedian {
  const reached = values.filter((v): v is number => v !== null);
  return {
    medianMs: reached.length < minimumCellSize ? null : median(reached),
    cases: publish(reached.length),
  };
}

/** Anonymised figures for rescue cases. Nothing below three cases is ever shown. */
export function rescueStats(rows: readonly RescueStatsRow[]): RescueStats {
  return {
    total: publish(rows.length),
    byMonth: suppressedCounts(rows.map((r) => monthOf(r.reportedAt))),
    byChannel: suppressedCounts(rows.map((r) => r.channel)),
    byProvince: suppressedCounts(rows.map((r) => r.province ?? 'unknown')),
    byOutcome: suppressedCounts(rows.map(rescueOutcome)),
    medians: {
      toLocated: publishedMedian(rows.map((r) => r.durations.toLocatedMs)),
      toRescued: publishedMedian(rows.map((r) => r.durations.toRescuedMs)),
      toHome: publishedMedian(rows.map((r) => r.durations.toHomeMs)),
    },
  };
}
