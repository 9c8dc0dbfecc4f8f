import { LiaisonError } from '../errors/catalogue.ts';
import { hasPermission, type Permission } from './permissions.ts';
import type { Role } from './roles.ts';

/** Who is acting: every use case takes `(context, actor, …)` and checks its permission against this. */
export interface Actor {
  userId: string;
  agencyId: string;
  agencyCode: string;
  unitId: string | null;
  roles: Role[];
  email: string;
  displayName: string;
  /** `session`, `token` or `system` (jobs, federation, CLI). */
  via: 'session' | 'token' | 'system';
}

export function authorize(actor: Actor, permission: Permission): void {
  if (actor.via === 'system') return;
  if (!hasPermission(actor.roles, permission)) {
    throw new LiaisonError('forbidden', `The permission "${permission}" is required.`);
  }
}

/** For reads that serve two kinds of user (e.g. the peer list: officers writing, administrators managing). */
export function authorizeAny(actor: Actor, anyOf: readonly Permission[]): void {
  if (actor.via === 'system') return;
  if (!anyOf.some((permission) => hasPermission(actor.roles, permission))) {
    throw new LiaisonError('forbidden', `One of the permissions "${anyOf.join('", "')}" is required.`);
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.via === 'system' || hasPermission(actor.roles, permission);
}
