import { LiaisonError } from '../errors/catalogue.ts';
import { hasPermission, type Permission } from './permissions.ts';
import type { Role } from './roles.ts';

/** What every principal carries: the fields use cases read (agency, unit, the user id records are attributed to). */
interface PrincipalFields {
  userId: string;
  agencyId: string;
  agencyCode: string;
  unitId: string | null;
  roles: Role[];
  email: string;
  displayName: string;
}

/** A person signed in with a session: their roles decide. */
export interface UserPrincipal extends PrincipalFields {
  via: 'session';
}

/** A hotline or staff system calling with a user's API token: the token's user's roles decide. */
export interface TokenPrincipal extends PrincipalFields {
  via: 'token';
}

/** The jobs and commands the node runs as itself. */
export type SystemJob =
  | 'cli'
  | 'demo'
  | 'test-seed'
  | 'rescue-escalation'
  | 'federation-delivery'
  | 'attachment-fetch'
  | 'exchange-retention';

/** The node itself acting (a named job or the operator's CLI): trusted, audited with no user id. */
export interface SystemPrincipal extends PrincipalFields {
  via: 'system';
  job: SystemJob;
}

/** What a peer node's signed messages may do here: apply its shared records (and index their entities). */
export type PeerPath = 'case-sync';

/** A peer node whose signed messages are applied; `userId` is its disabled local account (records name it). */
export interface PeerPrincipal extends PrincipalFields {
  via: 'peer';
  path: PeerPath;
  /** The peer's node name. */
  peer: string;
}

/** What the public report form may do: file a report, and read or add to it with its reference and secret. */
export type PublicPath = 'public-report';

/** Someone using the public report form: unidentified, in the node's agency. */
export interface PublicPrincipal extends PrincipalFields {
  via: 'public';
  path: PublicPath;
}

/** Who is acting: every use case takes `(context, actor, …)` and checks its permission against this. */
export type Principal = UserPrincipal | TokenPrincipal | SystemPrincipal | PeerPrincipal | PublicPrincipal;
/** The name the use cases know the principal by. */
export type Actor = Principal;

/**
 * The role permissions each peer and public path is granted. None today: a peer's messages and the public form
 * reach only the service functions of their path (which check the path, the signature or the report secret),
 * never a use case guarded by a staff permission. A path that needs one names it here.
 */
export const peerPathPermissions: Record<PeerPath, readonly Permission[]> = { 'case-sync': [] };
export const publicPathPermissions: Record<PublicPath, readonly Permission[]> = { 'public-report': [] };

/** Whether the principal holds the permission: users and tokens by their roles, system jobs always, peers and the public form by their path. */
export function can(actor: Principal, permission: Permission): boolean {
  switch (actor.via) {
    case 'session':
    case 'token':
      return hasPermission(actor.roles, permission);
    case 'system':
      return true;
    case 'peer':
      return peerPathPermissions[actor.path].includes(permission);
    case 'public':
      return publicPathPermissions[actor.path].includes(permission);
  }
}

export function authorize(actor: Principal, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new LiaisonError('forbidden', `The permission "${permission}" is required.`);
  }
}

/** For reads that serve two kinds of user (e.g. the peer list: officers writing, administrators managing). */
export function authorizeAny(actor: Principal, anyOf: readonly Permission[]): void {
  if (!anyOf.some((permission) => can(actor, permission))) {
    throw new LiaisonError('forbidden', `One of the permissions "${anyOf.join('", "')}" is required.`);
  }
}

/** The node itself (a named job or the CLI): need-to-know rules that filter people's access do not apply. */
export function isSystem(actor: Principal): actor is SystemPrincipal {
  return actor.via === 'system';
}

/** A person acting (signed in, or through their API token), as opposed to the node, a peer or the public form. */
export function isPerson(actor: Principal): actor is UserPrincipal | TokenPrincipal {
  return actor.via === 'session' || actor.via === 'token';
}

/** The user to name as the one who acted (audit, `created_by`): a person's id; null for the node, peers and the public form. */
export function actingUserId(actor: Principal): string | null {
  return isPerson(actor) ? actor.userId : null;
}

/** Refuses anything but the given peer path (a peer may do only what its path allows). */
export function assertPeerPath(actor: Principal, path: PeerPath): asserts actor is PeerPrincipal {
  if (actor.via !== 'peer' || actor.path !== path)
    throw new LiaisonError('forbidden', `Only a peer applying ${path} may do this.`);
}

/** Refuses anything but the public form's path. */
export function assertPublicPath(actor: Principal, path: PublicPath): asserts actor is PublicPrincipal {
  if (actor.via !== 'public' || actor.path !== path)
    throw new LiaisonError('forbidden', `Only the public form (${path}) may do this.`);
}
