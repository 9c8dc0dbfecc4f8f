import {
  type Actor,
  authorize,
  isSystem,
  LiaisonError,
  type Role,
  type User,
  type UserInput,
  type UserPatch,
} from '@liaison/core';
import type { z } from 'zod';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import { endAccountAccess } from './account-access.ts';
import { auditActor, refuseAccountChange } from './account-audit.ts';
import { hashPassword } from './passwords.ts';
import { presentUser } from './presenters.ts';
import { pendingRolesOf, proposeRoleGrant, splitRoles } from './role-grants-service.ts';
import { accountsChanged } from './session-cache.ts';
import { endSessions } from './sessions.ts';
import { findUserById, selectUsers } from './users-repository.ts';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

export async function listUsers(
  ctx: Ctx,
  actor: Actor,
  filter: { agencyId?: string | undefined },
): Promise<User[]> {
  authorize(actor, 'users.read');
  let query = selectUsers(ctx.app.db);
  if (filter.agencyId) query = query.where('users.agency_id', '=', filter.agencyId);
  const rows = await query.orderBy('users.email').limit(1000).execute();
  const pending = await pendingRolesOf(
    ctx.app.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentUser(row, pending.get(row.id)));
}

export async function getUser(ctx: Ctx, actor: Actor, id: string): Promise<User> {
  authorize(actor, 'users.read');
  return readUserRecord(ctx, id);
}

/**
 * A user's record without the caller's `users.read`: only for answering about an account the caller may be told
 * of (the one they just created, or their own, see `readOwnAccount`).
 */
async function readUserRecord(ctx: Ctx, id: string): Promise<User> {
  const row = await findUserById(ctx.app.db, id);
  if (!row) throw new LiaisonError('not-found', 'No such user.');
  return presentUser(row, (await pendingRolesOf(ctx.app.db, [id])).get(id));
}

/** The signed-in principal's own account (`/me`): everyone may read themselves, whatever their roles. */
export function readOwnAccount(ctx: Ctx, actor: Actor): Promise<User> {
  return readUserRecord(ctx, actor.userId);
}

async function checkUnit(db: Db, agencyId: string, unitId: string): Promise<void> {
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!unit)
    throw new LiaisonError('invalid-input', 'No such unit in this agency.', {
      fields: [{ path: '/unitId', message: 'No such unit in this agency', code: 'not_found' }],
    });
}

export async function createUser(ctx: Ctx, actor: Actor, input: UserInput): Promise<User> {
  authorize(actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await withAudit(ctx.app.db, async (trx) => {
      const agency = await trx
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', input.agencyId)
        .executeTakeFirst();
      if (!agency)
        throw new LiaisonError('invalid-input', 'No such agency.', {
          fields: [{ path: '/agencyId', message: 'No such agency', code: 'not_found' }],
        });
      if (input.unitId) await checkUnit(trx, input.agencyId, input.unitId);
      // Roles reading case data (and administrator) wait for a second administrator; the rest apply now.
      const roles = splitRoles(actor, [], input.roles);
      const row = await trx
        .insertInto('users')
        .values({
          email: input.email,
          display_name: input.displayName,
          agency_id: input.agencyId,
          unit_id: input.unitId ?? null,
          roles: roles.now,
          password_hash: passwordHash,
          language: input.language,
          time_zone: input.timeZone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(
        { ...ctx, trx },
        actor,
        'user.created',
        { type: 'user', id: row.id },
        {
          email: input.email,
          roles: roles.now,
          proposedRoles: roles.proposed,
          agencyId: input.agencyId,
        },
      );
      if (roles.proposed.length > 0) await proposeRoleGrant(trx, ctx, actor, row.id, roles.proposed);
      return row.id;
    });
    return readUserRecord(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LiaisonError('conflict', 'A user with this email exists.', {
        fields: [{ path: '/email', message: 'Already in use', code: 'already_in_use' }],
      });
    }
    throw error;
  }
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((role) => b.includes(role));

/** An administrator raises no role of their own: the attempt is refused and audited. */
async function refuseOwnRaise(
  ctx: Ctx,
  actor: Actor,
  id: string,
  current: readonly Role[],
  patch: UserChanges,
) {
  if (isSystem(actor) || id !== actor.userId || !patch.roles) return;
  const raised = patch.roles.filter((role) => !current.includes(role));
  if (raised.length === 0) return;
  await refuseAccountChange(
    ctx,
    actor,
    'user.roles_refused',
    { type: 'user', id },
    { reason: 'own-roles', roles: raised },
    'You cannot raise your own roles: another administrator proposes them.',
  );
}

type UserChanges = z.infer<typeof UserPatch>;

/**
 * Changes a user. Removed roles and roles reading no case data take effect at once; roles that read case data
 * (and administrator) become a pending grant for a second administrator (role-grants-service.ts).
 */
export async function updateUser(ctx: Ctx, actor: Actor, id: string, patch: UserChanges): Promise<User> {
  authorize(actor, 'users.manage');
  if (
    id === actor.userId &&
    (patch.disabled === true || (patch.roles && !patch.roles.includes('administrator')))
  ) {
    throw new LiaisonError('conflict', 'You cannot disable yourself or remove your own administrator role.');
  }
  const current = await findUserById(ctx.app.db, id);
  if (!current) throw new LiaisonError('not-found', 'No such user.');
  await refuseOwnRaise(ctx, actor, id, current.roles, patch);
  await withAudit(ctx.app.db, async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new LiaisonError('not-found', 'No such user.');
    if (patch.unitId) await checkUnit(trx, before.agency_id, patch.unitId);
    const roles = patch.roles ? splitRoles(actor, before.roles, patch.roles) : null;
    const rolesChanged = roles !== null && !sameRoles(roles.now, before.roles);
    await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
        ...(rolesChanged && { roles: roles.now }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        updated_at: ctx.app.now(),
      })
      .where('id', '=', id)
      .execute();
    if (roles && roles.proposed.length > 0) await proposeRoleGrant(trx, ctx, actor, id, roles.proposed);
    // Disabling an account ends its sessions and API tokens; changing its roles ends its sessions (tokens take
    // the new roles at their next request): old rights must not linger.
    if (patch.disabled === true) await endAccountAccess(trx, ctx, actor, id, 'account-disabled');
    else if (rolesChanged) await endSessions(trx, id);
    await audit(
      { ...ctx, trx },
      actor,
      patch.disabled === true ? 'user.disabled' : 'user.updated',
      { type: 'user', id: id },
      {
        changes: { ...patch, ...(roles && { roles: roles.now }) },
        ...(roles && roles.proposed.length > 0 && { proposedRoles: roles.proposed }),
        before: { roles: before.roles, disabled: before.disabled },
      },
    );
  });
  await accountsChanged(ctx.app);
  return getUser(ctx, actor, id);
}

/** The signed-in user's own language and time zone. Naming neither changes nothing (a patch of nothing). */
export async function updateOwnPreferences(
  ctx: Ctx,
  actor: Actor,
  prefs: { language?: string | undefined; timeZone?: string | undefined },
) {
  const changes = {
    ...(prefs.language && { language: prefs.language }),
    ...(prefs.timeZone && { time_zone: prefs.timeZone }),
  };
  if (Object.keys(changes).length === 0) return;
  await ctx.app.db.updateTable('users').set(changes).where('id', '=', actor.userId).execute();
}
