import { LiaisonError } from '../errors/catalogue.ts';
import { type Repatriation, type RepatriationStep, repatriationProgress } from './repatriation.ts';
import type { RescueState } from './states.ts';

/**
 * What a state means, beyond the path: "repatriated" says the person is home, so the travel document, the
 * flight, the arrival and the handover should be on record. Escorts are not always sent and follow-up notes
 * come after, so they are not asked for. A state whose meaning is not on record is refused unless the officer
 * confirms it with a reason (the record may come later, e.g. the handover sheet is still with the escort).
 */
export const stepsMeantByState: Partial<Record<RescueState, readonly RepatriationStep[]>> = {
  repatriated: ['travelDocument', 'flight', 'arrival', 'handover'],
};

export interface StateFacts {
  repatriation: Partial<Repatriation>;
}

/** The steps the target state means that are not on record yet, in order (empty when nothing is missing). */
export function missingStepsFor(to: RescueState, facts: StateFacts): RepatriationStep[] {
  const meant = stepsMeantByState[to] ?? [];
  const { done } = repatriationProgress(facts.repatriation);
  return meant.filter((step) => !done[step]);
}

/**
 * Throws `invalid-transition` (with `extra.missing`) when the target state's meaning is not on record and the
 * change is not confirmed with a reason of at least 5 characters; returns the missing steps otherwise.
 */
export function assertStateMeaning(
  to: RescueState,
  facts: StateFacts,
  confirmation: { confirmIncomplete?: boolean | undefined; reason?: string | undefined },
): RepatriationStep[] {
  const missing = missingStepsFor(to, facts);
  if (missing.length === 0) return missing;
  const reason = confirmation.reason?.trim() ?? '';
  if (confirmation.confirmIncomplete === true && reason.length >= 5) return missing;
  throw new LiaisonError(
    'invalid-transition',
    `A case is ${to} only once these steps are recorded: ${missing.join(', ')}. Record them, or confirm with a reason.`,
    {
      extra: { to, missing },
      fields: [
        {
          path: '/reason',
          message: 'Confirm with a reason of at least 5 characters why the steps are missing',
        },
      ],
    },
  );
}
