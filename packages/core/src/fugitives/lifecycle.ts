import { LiaisonError } from '../errors/catalogue.ts';
import type { FieldProblemInput } from '../errors/field-problem.ts';
import { type FugitiveState, fugitiveStates, type StepDetails } from './schemas.ts';

// The life cycle of a fugitive (shared/README.md, workflow 2), as data: which step may follow which, what each
// step must record, and the dates that cannot be. The server checks every step here before writing it; the web
// draws the step form from `nextFugitiveStates`.

export interface FugitiveTransition {
  from: FugitiveState;
  to: FugitiveState;
  /** Going back (lost track, escape, removal called off) or closing early must be explained. */
  reasonRequired: boolean;
}

const order = (state: FugitiveState) => fugitiveStates.indexOf(state);
const arrestIndex = order('arrested');

/** Before the arrest, the search may skip steps (an arrest at the airport needs no stake-out). */
const searchStates = ['wanted', 'sighted', 'located', 'under_surveillance'] as const;
/** Custody goes step by step, except that a voluntary return or a direct deportation need not pass detention. */
const custodyMoves: [FugitiveState, FugitiveState][] = [
  ['arrested', 'detained'],
  ['arrested', 'removal_in_progress'],
  ['detained', 'removal_in_progress'],
  ['removal_in_progress', 'handed_over'],
];
/** Lost track of, escaped, released: wanted again. */
const backToWanted = ['sighted', 'located', 'under_surveillance', 'arrested', 'detained'] as const;

/** Every allowed step, as data. */
export const fugitiveTransitions: readonly FugitiveTransition[] = [
  ...searchStates.flatMap((from) =>
    fugitiveStates
      .filter((to) => order(to) > order(from) && order(to) <= arrestIndex)
      .map((to) => ({ from, to, reasonRequired: false })),
  ),
  ...custodyMoves.map(([from, to]) => ({ from, to, reasonRequired: false })),
  ...backToWanted.map((from) => ({ from, to: 'wanted' as const, reasonRequired: true })),
  { from: 'removal_in_progress', to: 'detained', reasonRequired: true },
  ...fugitiveStates
    .filter((from) => from !== 'closed')
    .map((from) => ({ from, to: 'closed' as const, reasonRequired: from !== 'handed_over' })),
];

export function findFugitiveTransition(
  from: FugitiveState,
  to: FugitiveState,
): FugitiveTransition | undefined {
  return fugitiveTransitions.find((t) => t.from === from && t.to === to);
}

export function nextFugitiveStates(from: FugitiveState): FugitiveState[] {
  return fugitiveTransitions.filter((t) => t.from === from).map((t) => t.to);
}

/** The state a fugitive is in while he is in our hands or on his way home. */
export function isInCustody(state: FugitiveState): boolean {
  return order(state) >= arrestIndex && state !== 'closed';
}

/** The details each state needs, and the only ones it accepts. */
const detailFields: Record<
  FugitiveState,
  { required: (keyof StepDetails)[]; allowed: (keyof StepDetails)[] }
> = {
  wanted: { required: [], allowed: [] },
  sighted: { required: [], allowed: ['province'] },
  located: { required: [], allowed: ['province'] },
  under_surveillance: { required: [], allowed: ['province'] },
  arrested: { required: [], allowed: ['province'] },
  detained: { required: ['facility'], allowed: ['facility', 'province'] },
  removal_in_progress: { required: ['removalRoute'], allowed: ['removalRoute'] },
  handed_over: { required: ['receivingUnit'], allowed: ['receivingUnit'] },
  closed: { required: ['closeReason'], allowed: ['closeReason'] },
};

const detailMessages: Record<keyof StepDetails, string> = {
  facility: 'Say where he is detained',
  province: 'A province belongs to a step in Cambodia',
  removalRoute: 'Choose deportation, extradition or voluntary return',
  receivingUnit: 'Name the police unit that received him',
  closeReason: 'Say why the record is closed',
};

/** Readable names of the states for messages in English (the web has its own catalogue). */
export const fugitiveStateWords: Record<FugitiveState, string> = {
  wanted: 'wanted',
  sighted: 'sighting',
  located: 'location',
  under_surveillance: 'surveillance',
  arrested: 'arrest',
  detained: 'detention',
  removal_in_progress: 'removal',
  handed_over: 'handover',
  closed: 'closing',
};

/** A step as the history holds it, for the date checks. */
export interface PastStep {
  state: FugitiveState;
  occurredAt: string;
}

export interface StepCheck {
  from: FugitiveState;
  to: FugitiveState;
  occurredAt: string;
  reason?: string | undefined;
  details: StepDetails;
  /** The history so far, oldest first (at least the first "wanted" step). */
  history: readonly PastStep[];
  /** When the sighting the step rests on was seen. */
  sightingSeenAt?: string | undefined;
  now: Date;
}

/** Clocks on phones drift: a step dated this far ahead of the server is still taken as now. */
export const futureToleranceMs = 5 * 60 * 1000;

const day = (iso: string) => iso.slice(0, 10);

/**
 * The date problems of a step: in the future, before the previous step (an arrest before the sighting), before
 * the sighting it rests on. Empty when the date is possible.
 */
export function stepDateProblems(check: Omit<StepCheck, 'from' | 'reason' | 'details'>): FieldProblemInput[] {
  const at = Date.parse(check.occurredAt);
  if (!Number.isFinite(at)) return [{ path: '/occurredAt', message: 'Use a date and time with its offset' }];
  const problems: FieldProblemInput[] = [];
  const word = fugitiveStateWords[check.to];
  if (at > check.now.getTime() + futureToleranceMs) {
    problems.push({
      path: '/occurredAt',
      message: `The ${word} cannot be dated in the future`,
      specific: true,
    });
  }
  const previous = check.history.at(-1);
  if (previous && at < Date.parse(previous.occurredAt)) {
    problems.push({
      path: '/occurredAt',
      message: `The ${word} cannot be dated before the ${fugitiveStateWords[previous.state]} on ${day(previous.occurredAt)}`,
      specific: true,
      params: { previousState: previous.state, previousAt: previous.occurredAt },
    });
  }
  if (check.sightingSeenAt && at < Date.parse(check.sightingSeenAt)) {
    problems.push({
      path: '/occurredAt',
      message: `The ${word} cannot be dated before the sighting it rests on (${day(check.sightingSeenAt)})`,
      specific: true,
      params: { sightingAt: check.sightingSeenAt },
    });
  }
  return problems;
}

/**
 * Throws unless the step is allowed from the current state, carries the details its state needs (and no
 * other), a reason where one is needed, and a possible date. `invalid-transition` for a move the life cycle does
 * not have; `invalid-input` naming the fields otherwise.
 */
export function assertFugitiveStep(check: StepCheck): FugitiveTransition {
  const transition = findFugitiveTransition(check.from, check.to);
  if (!transition) {
    const allowed = nextFugitiveStates(check.from);
    const hint = allowed.length > 0 ? `allowed next: ${allowed.join(', ')}` : 'the record is closed';
    throw new LiaisonError(
      'invalid-transition',
      `A fugitive cannot go from ${check.from} to ${check.to} (${hint})`,
      { extra: { from: check.from, to: check.to, allowed }, fields: [{ path: '/state', message: hint }] },
    );
  }
  const problems: FieldProblemInput[] = [];
  const fields = detailFields[check.to];
  for (const field of fields.required) {
    if (check.details[field] === undefined)
      problems.push({
        path: `/details/${field}`,
        message: detailMessages[field],
        specific: true,
        code: 'required',
      });
  }
  for (const field of Object.keys(check.details) as (keyof StepDetails)[]) {
    if (check.details[field] !== undefined && !fields.allowed.includes(field))
      problems.push({
        path: `/details/${field}`,
        message: `A ${fugitiveStateWords[check.to]} step does not record this`,
        specific: true,
      });
  }
  if (transition.reasonRequired && (check.reason?.trim().length ?? 0) === 0) {
    problems.push({
      path: '/reason',
      message: `Going from ${check.from} to ${check.to} needs a reason`,
      specific: true,
      code: 'required',
    });
  }
  problems.push(...stepDateProblems(check));
  if (problems.length > 0) {
    throw new LiaisonError('invalid-input', problems[0]!.message, { fields: problems });
  }
  return transition;
}
