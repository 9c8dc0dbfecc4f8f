import type { FieldProblem } from '../errors/field-problem.ts';
import type { LegalAuthority, OperationStatus, OutcomeTally, SeizureCategory, Timing } from './schemas.ts';
import { seizureCategories } from './schemas.ts';

// The rules of a joint operation, pure: the go/no-go rule, the timing checks, the life cycle and the outcome
// tallies. The server applies them in the transaction that writes; the web shows the same problems before sending.

/** The longest a raid may be planned to last: longer is a typing error, not an operation. */
export const maxOperationHours = 72;

/** Problems with the timing itself, whatever the decision: end after start, briefing before start, length. */
export function timingProblems(timing: Timing): FieldProblem[] {
  const start = Date.parse(timing.plannedStart);
  const end = Date.parse(timing.plannedEnd);
  const problems: FieldProblem[] = [];
  if (end <= start) problems.push(custom('/timing/plannedEnd', 'The operation cannot end before it starts'));
  else if (end - start > maxOperationHours * 3_600_000)
    problems.push(
      custom('/timing/plannedEnd', `An operation is planned for at most ${maxOperationHours} hours`),
    );
  if (timing.briefingAt !== undefined && Date.parse(timing.briefingAt) > start)
    problems.push(custom('/timing/briefingAt', 'The briefing must come before the start'));
  return problems;
}

export interface GoCheck {
  leadAgency: string;
  partnerAgency: string;
  legalAuthority: readonly LegalAuthority[];
  timing: Timing;
}

/**
 * Why a GO would be refused: legal authority missing (or expired on the day) on either side, named by the side's
 * agency; a window already over at the time of the decision; the timing's own problems. Empty: GO may be given.
 */
export function goProblems(plan: GoCheck, now: Date): FieldProblem[] {
  const problems = timingProblems(plan.timing);
  // A warrant's dates are calendar days of the country that issued it: read the operation's days in every zone
  // (UTC−12 to UTC+14), so an order issued on the raid's day in Seoul counts for a raid at 01:00 in Phnom Penh.
  const startDay = calendarDay(plan.timing.plannedStart, -12);
  const endDay = calendarDay(plan.timing.plannedEnd, 14);
  for (const side of [plan.leadAgency, plan.partnerAgency]) {
    const own = plan.legalAuthority.filter((a) => a.agencyCode === side);
    if (own.length === 0) {
      problems.push(
        custom(
          '/legalAuthority',
          `No legal authority for ${side}: add its warrant or order number before a GO`,
          { agency: side, problem: 'missing' },
        ),
      );
      continue;
    }
    const valid = own.filter(
      (a) => a.issuedOn <= endDay && (a.validUntil === undefined || a.validUntil >= startDay),
    );
    if (valid.length === 0)
      problems.push(
        custom(
          '/legalAuthority',
          `The legal authority for ${side} is not valid on the day of the operation (${plan.timing.plannedStart.slice(0, 10)})`,
          { agency: side, problem: 'not_valid_on_the_day' },
        ),
      );
  }
  if (Date.parse(plan.timing.plannedEnd) <= now.getTime())
    problems.push(custom('/timing/plannedEnd', 'The planned window is over: revise the timing before a GO'));
  return problems;
}

/** Which statuses a status may move to (the decision, the first log entry, completion, cancellation). */
export const operationTransitions: Record<OperationStatus, readonly OperationStatus[]> = {
  planning: ['go', 'no_go', 'cancelled'],
  no_go: ['planning', 'go', 'cancelled'],
  go: ['under_way', 'no_go', 'cancelled'],
  under_way: ['completed'],
  completed: [],
  cancelled: [],
};

export function canMove(from: OperationStatus, to: OperationStatus): boolean {
  return operationTransitions[from].includes(to);
}

/** A plan can be edited while it is being planned or after a no-go (an edited plan is decided again). */
export function planEditable(status: OperationStatus): boolean {
  return status === 'planning' || status === 'no_go' || status === 'go';
}

/** Log entries are taken once the GO is given, until the operation is completed. */
export function loggable(status: OperationStatus): boolean {
  return status === 'go' || status === 'under_way';
}

/** How far ahead of the receiving clock an entry's time may be (phones' clocks drift). */
export const logClockSkewMs = 5 * 60_000;

/** The time of a log entry must be neither in the future nor before the operation's GO. */
export function logTimeProblem(at: Date, now: Date, goAt: Date | null): FieldProblem | null {
  if (at.getTime() > now.getTime() + logClockSkewMs)
    return custom('/at', 'An entry cannot be dated in the future');
  if (goAt !== null && at.getTime() < goAt.getTime())
    return custom('/at', 'An entry cannot be dated before the GO decision');
  return null;
}

export interface TallyInput {
  arrests: readonly { nationality: string; fugitiveId: string | null }[];
  rescues: readonly unknown[];
  seizures: readonly {
    category: SeizureCategory;
    quantity: number;
    unit: string;
    drugType?: string | null;
    currency?: string | null;
    asset?: string | null;
  }[];
}

/** Arrests by nationality, fugitives among them, rescues, seizures by category and the measured totals. */
export function tallyOutcome(outcome: TallyInput): OutcomeTally {
  const arrestsByNationality: Record<string, number> = {};
  for (const a of outcome.arrests)
    arrestsByNationality[a.nationality] = (arrestsByNationality[a.nationality] ?? 0) + 1;
  const seizures = Object.fromEntries(seizureCategories.map((c) => [c, 0])) as Record<
    SeizureCategory,
    number
  >;
  const drugsGrams: Record<string, number> = {};
  const cash: Record<string, number> = {};
  const crypto: Record<string, number> = {};
  const add = (into: Record<string, number>, key: string, value: number) => {
    into[key] = round((into[key] ?? 0) + value);
  };
  for (const s of outcome.seizures) {
    seizures[s.category] += 1;
    if (s.category === 'drugs') add(drugsGrams, s.drugType ?? 'unknown', s.quantity);
    if (s.category === 'cash') add(cash, s.currency ?? s.unit, s.quantity);
    if (s.category === 'crypto') add(crypto, s.asset ?? s.unit, s.quantity);
  }
  return {
    arrests: outcome.arrests.length,
    arrestsByNationality,
    fugitivesArrested: outcome.arrests.filter((a) => a.fugitiveId !== null).length,
    rescues: outcome.rescues.length,
    seizures,
    drugsGrams,
    cash,
    crypto,
  };
}

/** The calendar day of an instant in a zone `offsetHours` from UTC. */
function calendarDay(instant: string, offsetHours: number): string {
  return new Date(Date.parse(instant) + offsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** Sums of decimal amounts without binary noise (0.1 + 0.2). */
function round(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

function custom(path: string, message: string, params?: Record<string, string>): FieldProblem {
  return { path, message, code: 'custom', specific: true, ...(params && { params }) };
}
