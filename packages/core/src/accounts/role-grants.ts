import { z } from 'zod';
import { type Permission, rolePermissions } from './permissions.ts';
import { Role, roles } from './roles.ts';

/** Permissions that read case data: joint cases, their graph, rescue cases, compounds and exchanged messages. */
export const caseDataPermissions: readonly Permission[] = [
  'cases.read',
  'entities.read',
  'rescue.read',
  'compounds.read',
  'exchange.read',
];

/**
 * Roles an administrator grants only with a second administrator's approval (separation of duties): every role
 * that reads case data, and administrator itself — else one administrator could make a second, obliging one.
 */
export const rolesNeedingApproval: readonly Role[] = roles.filter(
  (role) => role === 'administrator' || rolePermissions[role].some((p) => caseDataPermissions.includes(p)),
);

export function needsApproval(role: Role): boolean {
  return rolesNeedingApproval.includes(role);
}

export const roleGrantStates = ['pending', 'approved', 'declined'] as const;
export const RoleGrantState = z.enum(roleGrantStates);

const Person = z.object({ id: z.uuid(), displayName: z.string() });

/** Roles proposed for a user by one administrator, waiting for (or decided by) another. */
export const RoleGrant = z.object({
  id: z.uuid(),
  user: Person.extend({ email: z.string(), agencyCode: z.string() }),
  roles: z.array(Role),
  state: RoleGrantState,
  proposedBy: Person,
  proposedAt: z.string(),
  /** Null while pending, and when the node's own command line decided. */
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;
