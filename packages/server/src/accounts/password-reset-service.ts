import { type Actor, authorize, isSystem, LiaisonError } from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { endAccountAccess } from './account-access.ts';
import { auditActor, refuseAccountChange } from './account-audit.ts';
import { hashPassword } from './passwords.ts';
import { accountsChanged } from './session-cache.ts';
import { findUserById } from './users-repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/**
 * Who may reset whose password and authenticator: an administrator resets the users of their own agency, but
 * not a fellow administrator (who could then approve their grants). Another agency's users, and
 * administrators, are reset by that agency's administrator or on the node's machine (`liaison user
 * reset-password`, the system actor). Refusals are audited.
 */
async function refuseReset(ctx: Ctx, actor: Actor, target: UserRow, resetTotp: boolean): Promise<void> {
  if (isSystem(actor)) return;
  const refuse = (reason: string, message: string) =>
    refuseAccountChange(
      ctx,
      actor,
      'user.password_reset_refused',
      { type: 'user', id: target.id },
      { reason, resetTotp },
      message,
    );
  if (target.agency_id !== actor.agencyId)
    await refuse(
      'other-agency',
      `A user of ${target.agency_code} has their password and authenticator reset by an administrator of ${target.agency_code}.`,
    );
  if (target.id !== actor.userId && target.roles.includes('administrator'))
    await refuse(
      'administrator',
      "Another administrator's password and authenticator are reset on the node's machine (liaison user reset-password).",
    );
}

/** An administrator sets a new password: sessions and API tokens end, lock-out clears, and optionally TOTP is reset. */
export async function resetPassword(
  ctx: Ctx,
  actor: Actor,
  id: string,
  password: string,
  resetTotp: boolean,
) {
  authorize(actor, 'users.manage');
  const target = await findUserById(ctx.app.db, id);
  if (!target) throw new LiaisonError('not-found', 'No such user.');
  await refuseReset(ctx, actor, target, resetTotp);
  const passwordHash = await hashPassword(password);
  await withAudit(ctx.app.db, async (trx) => {
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
    await endAccountAccess(trx, ctx, actor, id, resetTotp ? 'totp-reset' : 'password-reset');
    await audit({ ...ctx, trx }, actor, 'user.password_reset', { type: 'user', id: id }, { resetTotp });
  });
  await accountsChanged(ctx.app);
}
