import {
  type Actor,
  authorize,
  LiaisonError,
  type User,
  type UserInput,
  type UserPatch,
} from '@liaison/core';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';
import { endAccountAccess } from './account-access.ts';
import { hashPassword } from './passwords.ts';
import { presentUser } from './presenters.ts';
import { accountsChanged } from './session-cache.ts';
import { endSessions } from './sessions.ts';
import { findUserById, selectUsers } from './users-repository.ts';

/** Who an audit entry names: no user for the node itself (CLI, jobs). */
function auditActor(actor: Actor) {
  return { userId: actor.via === 'system' ? null : actor.userId, agencyCode: actor.agencyCode };
}

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
  return (await query.orderBy('users.email').limit(1000).execute()).map(presentUser);
}

export async function getUser(ctx: Ctx, actor: Actor, id: string): Promise<User> {
  authorize(actor, 'users.read');
  const row = await findUserById(ctx.app.db, id);
  if (!row) throw new LiaisonError('not-found', 'No such user.');
  return presentUser(row);
}

export async function createUser(ctx: Ctx, actor: Actor, input: UserInput): Promise<User> {
  authorize(actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await ctx.app.db.transaction().execute(async (trx) => {
      const agency = await trx
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', input.agencyId)
        .executeTakeFirst();
      if (!agency)
        throw new LiaisonError('invalid-input', 'No such agency.', {
          fields: [{ path: '/agencyId', message: 'No such agency', code: 'not_found' }],
        });
      if (input.unitId) {
        const unit = await trx
          .selectFrom('units')
          .select('id')
          .where('id', '=', input.unitId)
          .where('agency_id', '=', input.agencyId)
          .executeTakeFirst();
        if (!unit)
          throw new LiaisonError('invalid-input', 'No such unit in this agency.', {
            fields: [{ path: '/unitId', message: 'No such unit in this agency', code: 'not_found' }],
          });
      }
      const row = await trx
        .insertInto('users')
        .values({
          email: input.email,
          display_name: input.displayName,
          agency_id: input.agencyId,
          unit_id: input.unitId ?? null,
          roles: input.roles,
          password_hash: passwordHash,
          language: input.language,
          time_zone: input.timeZone,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        actorId: actor.via === 'system' ? null : actor.userId,
        actorAgency: actor.agencyCode,
        action: 'user.created',
        recordType: 'user',
        recordId: row.id,
        ip: ctx.ip,
        details: { email: input.email, roles: input.roles, agencyId: input.agencyId },
      });
      return row.id;
    });
    return getUser(ctx, { ...actor, via: 'system' }, id);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new LiaisonError('conflict', 'A user with this email exists.', {
        fields: [{ path: '/email', message: 'Already in use', code: 'already_in_use' }],
      });
    }
    throw error;
  }
}

export async function updateUser(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: z.infer<typeof UserPatch>,
): Promise<User> {
  authorize(actor, 'users.manage');
  if (
    id === actor.userId &&
    (patch.disabled === true || (patch.roles && !patch.roles.includes('administrator')))
  ) {
    throw new LiaisonError('conflict', 'You cannot disable yourself or remove your own administrator role.');
  }
  await ctx.app.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new LiaisonError('not-found', 'No such user.');
    await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
        ...(patch.roles !== undefined && { roles: patch.roles }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
        updated_at: ctx.app.now(),
      })
      .where('id', '=', id)
      .execute();
    // Disabling an account ends its sessions and API tokens; changing its roles ends its sessions (tokens take
    // the new roles at their next request): old rights must not linger.
    if (patch.disabled === true) await endAccountAccess(trx, ctx, auditActor(actor), id, 'account-disabled');
    else if (patch.roles !== undefined) await endSessions(trx, id);
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: patch.disabled === true ? 'user.disabled' : 'user.updated',
      recordType: 'user',
      recordId: id,
      ip: ctx.ip,
      details: { changes: patch, before: { roles: before.roles, disabled: before.disabled } },
    });
  });
  await accountsChanged(ctx.app);
  return getUser(ctx, actor, id);
}

/** An administrator sets a new password: sessions end, lock-out clears, and optionally TOTP is reset. */
export async function resetPassword(
  ctx: Ctx,
  actor: Actor,
  id: string,
  password: string,
  resetTotp: boolean,
) {
  authorize(actor, 'users.manage');
  const passwordHash = await hashPassword(password);
  await ctx.app.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        ...(resetTotp && { totp_secret: null, totp_enrolled_at: null }),
        updated_at: ctx.app.now(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new LiaisonError('not-found', 'No such user.');
    if (resetTotp) await trx.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
    await endAccountAccess(trx, ctx, auditActor(actor), id, resetTotp ? 'totp-reset' : 'password-reset');
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'user.password_reset',
      recordType: 'user',
      recordId: id,
      ip: ctx.ip,
      details: { resetTotp },
    });
  });
  await accountsChanged(ctx.app);
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
