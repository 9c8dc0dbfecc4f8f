import { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';
import { plainText } from '../text/text-schema.ts';

export const caseStatuses = ['open', 'active', 'suspended', 'closed'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Why a case was closed; required on every move to `closed`. */
export const closeReasons = [
  'solved',
  'referred',
  'insufficient_evidence',
  'no_offence',
  'duplicate',
  'merged',
  'other',
] as const;
export const CloseReason = z.enum(closeReasons);
export type CloseReason = z.infer<typeof CloseReason>;

/** The only reason accepted to bring a closed case back. */
export const reopenReason = 'reopened';

/** The allowed moves, as data: from → the statuses it may go to. */
export const caseTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['active', 'suspended', 'closed'],
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: ['active'],
};

/** A request to change a case's status (`reason` is a close reason, or `reopened`). */
export const CaseStatusChange = z.strictObject({
  to: CaseStatus,
  reason: plainText().min(1).max(40).optional(),
});
export type CaseStatusChange = z.infer<typeof CaseStatusChange>;

/** Throws LiaisonError('invalid-transition') unless `from → to` is allowed with this reason. */
export function assertCaseTransition(from: CaseStatus, to: CaseStatus, reason?: string): void {
  if (!caseTransitions[from].includes(to)) {
    throw new LiaisonError('invalid-transition', `A case cannot go from ${from} to ${to}`, {
      extra: { from, to, allowed: caseTransitions[from] },
    });
  }
  if (to === 'closed' && !CloseReason.safeParse(reason).success) {
    throw new LiaisonError(
      'invalid-transition',
      `Closing a case needs a reason: one of ${closeReasons.join(', ')}`,
      {
        extra: { from, to, reason },
      },
    );
  }
  if (from === 'closed' && reason !== reopenReason) {
    throw new LiaisonError(
      'invalid-transition',
      `A closed case can only be reactivated with the reason '${reopenReason}'`,
      {
        extra: { from, to, reason },
      },
    );
  }
}
