import { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';
import { fieldProblemOf } from '../errors/field-problem.ts';
import { plainText } from '../text/text-schema.ts';

/** A person's role in a case. Roles change (a rescued victim may be investigated as a suspect): keep history. */
export const personRoles = ['suspect', 'victim', 'witness', 'informant', 'fugitive'] as const;
export const PersonRole = z.enum(personRoles);
export type PersonRole = z.infer<typeof PersonRole>;

export const RoleChange = z.strictObject({
  role: PersonRole,
  reason: plainText().min(3, 'State why the role changes (at least 3 characters)').max(1_000),
  changedBy: z.uuid(),
  changedAt: z.iso.datetime({ offset: true }),
});
export type RoleChange = z.infer<typeof RoleChange>;

/** A person's role in one case with every change that led to it, oldest first. */
export const CasePersonRole = z.object({
  caseId: z.uuid(),
  entityId: z.uuid(),
  role: PersonRole.nullable(),
  history: z.array(RoleChange),
});
export type CasePersonRole = z.infer<typeof CasePersonRole>;

export interface RoleHistory {
  role: PersonRole | null;
  history: readonly RoleChange[];
}

/**
 * Applies a role change and returns the new history. Rejects a change without a reason (invalid-input),
 * one dated before the last change (invalid-input) and one that keeps the same role (invalid-transition).
 */
export function applyRoleChange<T extends RoleHistory>(current: T, change: RoleChange): T {
  const parsed = RoleChange.safeParse(change);
  if (!parsed.success) {
    throw new LiaisonError('invalid-input', 'A role change needs a role, a reason, who and when', {
      fields: parsed.error.issues.map((issue) => fieldProblemOf(issue, change)),
    });
  }
  if (current.role === parsed.data.role) {
    throw new LiaisonError('invalid-transition', `The person is already a ${parsed.data.role} in this case`);
  }
  const last = current.history.at(-1);
  if (last && Date.parse(parsed.data.changedAt) < Date.parse(last.changedAt)) {
    throw new LiaisonError('invalid-input', 'A role change cannot be dated before the previous one', {
      fields: [{ path: '/changedAt', message: `The previous change was at ${last.changedAt}` }],
    });
  }
  return { ...current, role: parsed.data.role, history: [...current.history, parsed.data] };
}
