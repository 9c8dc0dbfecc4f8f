import { z } from 'zod';
import type { RiskLevel } from './risk.ts';
import { RescueState } from './states.ts';

const hour = 3_600_000;

/**
 * How long a case may stay in a state at medium risk before it is overdue. States absent here
 * (repatriated, closed and the side outcomes) have no clock: nobody is waiting on the unit any more.
 */
export const stageTargets: Partial<Record<RescueState, { next: RescueState; targetMs: number }>> = {
  reported: { next: 'verifying', targetMs: 1 * hour },
  verifying: { next: 'located', targetMs: 24 * hour },
  located: { next: 'rescue_requested', targetMs: 4 * hour },
  rescue_requested: { next: 'rescue_planned', targetMs: 24 * hour },
  rescue_planned: { next: 'rescued', targetMs: 72 * hour },
  rescued: { next: 'in_protection', targetMs: 6 * hour },
  in_protection: { next: 'repatriated', targetMs: 14 * 24 * hour },
};

/**
 * Risk scales every target: critical halves it, high takes three quarters, medium keeps it, low doubles it.
 * A critical case is therefore chased twice as hard at every stage, never skipped past one.
 */
export const riskTargetFactor: Record<RiskLevel, number> = { critical: 0.5, high: 0.75, medium: 1, low: 2 };

export type Instant = Date | string | number;

export function toMillis(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
}

export const StageClock = z.object({
  state: RescueState,
  next: RescueState,
  targetMs: z.number(),
  dueAt: z.string(),
  overdue: z.boolean(),
  /** 0 while on time. */
  overdueByMs: z.number(),
  /** Overdue cases go to the on-duty commander. */
  escalate: z.boolean(),
});
export type StageClock = z.infer<typeof StageClock>;

export function stageTargetMs(state: RescueState, risk: RiskLevel): number | undefined {
  const target = stageTargets[state];
  return target && Math.round(target.targetMs * riskTargetFactor[risk]);
}

/** The clock of the current stage, or null for states without one. Overdue means strictly after dueAt. */
export function stageClock(
  state: RescueState,
  enteredAt: Instant,
  risk: RiskLevel,
  now: Instant,
): StageClock | null {
  const target = stageTargets[state];
  const targetMs = stageTargetMs(state, risk);
  if (!target || targetMs === undefined) return null;
  const due = toMillis(enteredAt) + targetMs;
  const late = toMillis(now) - due;
  const overdue = late > 0;
  return {
    state,
    next: target.next,
    targetMs,
    dueAt: new Date(due).toISOString(),
    overdue,
    overdueByMs: overdue ? late : 0,
    escalate: overdue,
  };
}

export interface StateChange {
  to: RescueState;
  at: Instant;
}

/** Milliseconds from the report to each milestone, or null when not (yet) reached. */
export interface RescueDurations {
  toLocatedMs: number | null;
  toRescuedMs: number | null;
  toHomeMs: number | null;
}

/**
 * Durations from the report (the `reported` change, else the earliest change) to the first time the case
 * was located, rescued and repatriated. The first arrival counts: a person lost again was still found once.
 */
export function rescueDurations(changes: readonly StateChange[]): RescueDurations {
  const sorted = changes.map((c) => ({ to: c.to, at: toMillis(c.at) })).sort((a, b) => a.at - b.at);
  const start = sorted.find((c) => c.to === 'reported') ?? sorted[0];
  const since = (state: RescueState): number | null => {
    const reached = sorted.find((c) => c.to === state);
    return start && reached ? Math.max(0, reached.at - start.at) : null;
  };
  return { toLocatedMs: since('located'), toRescuedMs: since('rescued'), toHomeMs: since('repatriated') };
}
