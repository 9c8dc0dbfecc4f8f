import type { FugitiveState, FugitiveStats, FugitiveStatsMonth } from './schemas.ts';
import { fugitiveStates } from './schemas.ts';

// The register's numbers for the command dashboard (issue 13): fugitives located, arrested and returned (handed
// over) by month, and the days from location to return. A fugitive counts once for each milestone, in the month
// he first reached it; a skipped step counts as reached with the later one (arrested at the airport: located and
// arrested that day).

export interface StatsStep {
  fugitiveId: string;
  state: FugitiveState;
  occurredAt: string;
}

const order = (state: FugitiveState) => fugitiveStates.indexOf(state);
const dayMs = 24 * 60 * 60 * 1000;

interface Milestones {
  locatedAt?: string;
  arrestedAt?: string;
  returnedAt?: string;
}

/** The first time each fugitive reached location, arrest and handover. */
export function milestonesOf(steps: readonly StatsStep[]): Map<string, Milestones> {
  const sorted = [...steps].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const byFugitive = new Map<string, Milestones>();
  for (const step of sorted) {
    const m = byFugitive.get(step.fugitiveId) ?? {};
    if (step.state !== 'closed') {
      const rank = order(step.state);
      if (rank >= order('located')) m.locatedAt ??= step.occurredAt;
      if (rank >= order('arrested')) m.arrestedAt ??= step.occurredAt;
      if (step.state === 'handed_over') m.returnedAt ??= step.occurredAt;
    }
    byFugitive.set(step.fugitiveId, m);
  }
  return byFugitive;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return round1(value);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round1(values.reduce((a, b) => a + b, 0) / values.length);
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const monthOf = (iso: string) => new Date(Date.parse(iso)).toISOString().slice(0, 7);

function inRange(iso: string, from: string | null, to: string | null): boolean {
  const date = new Date(Date.parse(iso)).toISOString().slice(0, 10);
  return (from === null || date >= from) && (to === null || date <= to);
}

/**
 * The stats from the steps of every fugitive and their current states. `from`/`to` (dates, inclusive) keep the
 * milestones reached in that period.
 */
export function fugitiveStats(
  steps: readonly StatsStep[],
  currentStates: readonly FugitiveState[],
  range: { from?: string | undefined; to?: string | undefined } = {},
): FugitiveStats {
  const from = range.from ?? null;
  const to = range.to ?? null;
  const months = new Map<string, { located: number; arrested: number; returned: number; days: number[] }>();
  const month = (iso: string) => {
    const key = monthOf(iso);
    const entry = months.get(key) ?? { located: 0, arrested: 0, returned: 0, days: [] };
    months.set(key, entry);
    return entry;
  };
  const allDays: number[] = [];
  let located = 0;
  let arrested = 0;
  let returned = 0;
  for (const m of milestonesOf(steps).values()) {
    if (m.locatedAt && inRange(m.locatedAt, from, to)) {
      month(m.locatedAt).located += 1;
      located += 1;
    }
    if (m.arrestedAt && inRange(m.arrestedAt, from, to)) {
      month(m.arrestedAt).arrested += 1;
      arrested += 1;
    }
    if (m.returnedAt && inRange(m.returnedAt, from, to)) {
      const entry = month(m.returnedAt);
      entry.returned += 1;
      returned += 1;
      if (m.locatedAt) {
        const days = (Date.parse(m.returnedAt) - Date.parse(m.locatedAt)) / dayMs;
        entry.days.push(days);
        allDays.push(days);
      }
    }
  }
  const byMonth: FugitiveStatsMonth[] = [...months.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, e]) => ({
      month: key,
      located: e.located,
      arrested: e.arrested,
      returned: e.returned,
      medianDaysLocatedToReturned: median(e.days),
      meanDaysLocatedToReturned: mean(e.days),
    }));
  const counts = new Map<FugitiveState, number>();
  for (const state of currentStates) counts.set(state, (counts.get(state) ?? 0) + 1);
  return {
    from,
    to,
    totals: {
      open: currentStates.filter((s) => s !== 'closed').length,
      located,
      arrested,
      returned,
      medianDaysLocatedToReturned: median(allDays),
      meanDaysLocatedToReturned: mean(allDays),
    },
    byMonth,
    byState: fugitiveStates.map((state) => ({ state, count: counts.get(state) ?? 0 })),
  };
}
