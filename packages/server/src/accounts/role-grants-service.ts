import {
  type Actor,
  actingUserId,
  roles as allRoles,
  authorize,
  isSystem,
  LiaisonError,
  needsApproval,
  type Role,
  type RoleGrant,
} from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Db, Tx } from '../context.ts';
import { refuseAccountChange } from './account-audit.ts';
import { accountsChanged } from './session-cache.ts';
import { endSessions } from './sessions.ts';

/**
 * Separation of duties for roles (accounts/README.md): a role that reads case data, or administrator, is not
 * given by one administrator. Asking for it makes a pending grant that a second administrator — of the user's
 * agency, neither the proposer nor the user — approves or declines. The node's command line (the system
 * actor) grants at once: it is the break-glass path of whoever runs the node's machine.
 */

/** Requested roles of a user, split into those that take effect now and those proposed for approval. */
export function splitRoles(actor: Actor, current: readonly Role[], requested: readonly Role[]) {
  const proposed = isSystem(actor)
    ? []
    : requested.filter((role) => !current.includes(role) && needsApproval(role));
  return { now: requested.filter((role) => !proposed.includes(role)), proposed };
}

const inRoleOrder = (roles: Iterable<Role>): Role[] => {
  const set = new Set(roles);
  return allRoles.filter((role) => set.has(role));
};

/** Proposes roles for a user in the caller's transaction; one pending grant per user at a time. */
export async function proposeRoleGrant(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  userId: string,
  roles: readonly Role[],
): Promise<string> {
  const pending = await trx
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (pending) {
    throw new LiaisonError(
      'conflict',
      'Roles proposed for this user wait for approval: decide on them first.',
      {
        fields: [{ path: '/roles', message: 'Other roles for this user wait for approval' }],
      },
    );
  }
  const row = await trx
    .insertInto('role_grants')
    .values({
      user_id: userId,
      roles: inRoleOrder(roles),
      state: 'pending',
      proposed_by: actor.userId,
      proposed_at: ctx.app.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(
    { ...ctx, trx },
    { actorId: actor.userId, actorAgency: actor.agencyCode },
    'role_grant.proposed',
    { type: 'role_grant', id: row.id },
    { userId, roles: inRoleOrder(roles) },
  );
  return row.id;
}

/** The roles waiting for approval, by user. */
export async function pendingRolesOf(db: Db, userIds: readonly string[]): Promise<Map<string, Role[]>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('role_grants')
    .select(['user_id', 'roles'])
    .where('state', '=', 'pending')
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.roles]));
}

function grantQuery(db: Db) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users as grantee', 'grantee.id', 'role_grants.user_id')
    .innerJoin('agencies', 'agencies.id', 'grantee.agency_id')
    .innerJoin('users as proposer', 'proposer.id', 'role_grants.proposed_by')
    .leftJoin('users as decider', 'decider.id', 'role_grants.decided_by')
    .select([
      'role_grants.id',
      'role_grants.roles',
      'role_grants.state',
      'role_grants.proposed_by',
      'role_grants.proposed_at',
      'role_grants.decided_by',
      'role_grants.decided_at',
      'grantee.id as user_id',
      'grantee.email as user_email',
      'grantee.display_name as user_name',
      'grantee.agency_id as user_agency_id',
      'agencies.code as user_agency_code',
      'proposer.display_name as proposer_name',
      'decider.display_name as decider_name',
    ]);
}

type GrantRow = NonNullable<Awaited<ReturnType<ReturnType<typeof grantQuery>['executeTakeFirst']>>>;

function presentGrant(row: GrantRow): RoleGrant {
  return {
    id: row.id,
    user: {
      id: row.user_id,
      displayName: row.user_name,
      email: row.user_email,
      agencyCode: row.user_agency_code,
    },
    roles: row.roles,
    state: row.state,
    proposedBy: { id: row.proposed_by, displayName: row.proposer_name },
    proposedAt: row.proposed_at.toISOString(),
    decidedBy:
      row.decided_by && row.decider_name ? { id: row.decided_by, displayName: row.decider_name } : null,
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

export async function listRoleGrants(
  ctx: Ctx,
  actor: Actor,
  filter: { state?: RoleGrant['state'] | undefined; userId?: string | undefined },
): Promise<RoleGrant[]> {
  authorize(actor, 'users.read');
  let query = grantQuery(ctx.app.db);
  if (filter.state) query = query.where('role_grants.state', '=', filter.state);
  if (filter.userId) query = query.where('role_grants.user_id', '=', filter.userId);
  return (await query.orderBy('role_grants.proposed_at', 'desc').limit(500).execute()).map(presentGrant);
}

async function loadGrant(ctx: Ctx, id: string): Promise<GrantRow> {
  const grant = await grantQuery(ctx.app.db).where('role_grants.id', '=', id).executeTakeFirst();
  if (!grant) throw new LiaisonError('not-found', 'No such role grant.');
  if (grant.state !== 'pending') throw new LiaisonError('conflict', `This grant was already ${grant.state}.`);
  return grant;
}

type Decision = 'approve' | 'decline';

/** Why this administrator may not take this decision, or null when they may. */
function decisionRefusal(actor: Actor, grant: GrantRow, decision: Decision): [string, string] | null {
  if (isSystem(actor)) return null;
  if (actor.via !== 'session')
    return ['token', 'Role grants are decided in a signed-in session, not with an API token.'];
  const proposer = grant.proposed_by === actor.userId;
  if (decision === 'decline' && proposer) return null; // withdrawing one's own proposal
  if (proposer)
    return ['own-proposal', 'A second administrator approves this grant, not the one who proposed it.'];
  if (grant.user_id === actor.userId)
    return ['own-roles', 'You cannot decide on a grant of your own roles: another administrator does.'];
  if (grant.user_agency_id !== actor.agencyId)
    return [
      'other-agency',
      `A grant for a user of ${grant.user_agency_code} is decided by an administrator of ${grant.user_agency_code}.`,
    ];
  return null;
}

/** Approves (the user gains the roles, their sessions end) or declines a pending grant; both audited. */
export async function decideRoleGrant(
  ctx: Ctx,
  actor: Actor,
  id: string,
  decision: Decision,
): Promise<RoleGrant> {
  authorize(actor, 'users.manage');
  const grant = await loadGrant(ctx, id);
  const refusal = decisionRefusal(actor, grant, decision);
  if (refusal) {
    const [reason, message] = refusal;
    await refuseAccountChange(
      ctx,
      actor,
      `role_grant.${decision}_refused`,
      { type: 'role_grant', id },
      { reason, userId: grant.user_id, roles: grant.roles },
      message,
    );
  }
  const decider = actingUserId(actor);
  await withAudit(ctx.app.db, async (trx) => {
    // Conditional on the grant still pending: of two administrators deciding at once, one wins.
    const decided = await trx
      .updateTable('role_grants')
      .set({
        state: decision === 'approve' ? 'approved' : 'declined',
        decided_by: decider,
        decided_at: ctx.app.now(),
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1)
      throw new LiaisonError('conflict', 'This grant was decided meanwhile.');
    if (decision === 'approve') {
      const user = await trx
        .selectFrom('users')
        .select('roles')
        .where('id', '=', grant.user_id)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('users')
        .set({ roles: inRoleOrder([...user.roles, ...grant.roles]), updated_at: ctx.app.now() })
        .where('id', '=', grant.user_id)
        .execute();
      await endSessions(trx, grant.user_id);
    }
    await audit(
      { ...ctx, trx },
      { actorId: decider, actorAgency: actor.agencyCode },
      decision === 'approve' ? 'role_grant.approved' : 'role_grant.declined',
      { type: 'role_grant', id: id },
      { userId: grant.user_id, roles: grant.roles, proposedBy: grant.proposed_by },
    );
  });
  if (decision === 'approve') await accountsChanged(ctx.app);
  return presentGrant((await grantQuery(ctx.app.db).where('role_grants.id', '=', id).executeTakeFirst())!);
}
