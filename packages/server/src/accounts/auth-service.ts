import { LiaisonError } from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';
import { isSealed, seal, sealSecretConfigured, unseal } from '../secrets/sealing.ts';
import { endApiTokens } from './api-tokens-service.ts';
import { lockDurationMs } from './lockout.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { sha256Hex } from './secrets.ts';
import { accountsChanged } from './session-cache.ts';
import { createSession } from './sessions.ts';
import { acceptTotpCode } from './totp-service.ts';
import { findUserByEmail } from './users-repository.ts';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

function auditFailure(trx: Tx, ctx: Ctx, user: UserRow | null, details: Record<string, unknown>) {
  return audit(
    { ...ctx, trx },
    { actorId: user?.id ?? null, actorAgency: user?.agency_code ?? null },
    'auth.login_failed',
    { type: 'user', id: user?.id ?? null },
    details,
  );
}

/**
 * Counts a failure in the row itself (failed_logins + 1 … RETURNING): concurrent failures each count, where a
 * count read before the slow password check and written back after let a burst of parallel guesses count once.
 */
async function recordFailure(ctx: Ctx, user: UserRow, reason: string): Promise<void> {
  await withAudit(ctx.app.db, async (trx) => {
    const { failed_logins: failed } = await trx
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', user.id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    const lockMs = lockDurationMs(failed);
    if (lockMs > 0)
      await trx
        .updateTable('users')
        .set({ locked_until: new Date(ctx.app.now().getTime() + lockMs) })
        .where('id', '=', user.id)
        .execute();
    await auditFailure(trx, ctx, user, { reason, failedLogins: failed, lockedForSeconds: lockMs / 1000 });
  });
}

/** Consumes a recovery code in place of a TOTP code; true when one matched and was unused. */
async function useRecoveryCode(ctx: Ctx, userId: string, code: string): Promise<boolean> {
  const result = await ctx.app.db
    .updateTable('recovery_codes')
    .set({ used_at: ctx.app.now() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256Hex(code.trim().toLowerCase()))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Signs in. An unknown email, a locked account and a wrong password get the same answer (401
 * invalid-credentials, same body, no Retry-After) after the same work (one password hash check and one audit
 * write), so neither status nor timing tells an outsider which accounts exist or are locked. Only the right
 * password of an unlocked account learns more (disabled, TOTP needed).
 */
export async function login(ctx: Ctx, input: LoginInput, userAgent: string | null) {
  const user = await findUserByEmail(ctx.app.db, input.email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await withAudit(ctx.app.db, (trx) => auditFailure(trx, ctx, null, { reason: 'unknown-email' }));
    throw new LiaisonError('invalid-credentials');
  }
  const passwordMatches = await verifyPassword(user.password_hash, input.password);
  const now = ctx.app.now();
  if (user.locked_until && user.locked_until > now) {
    // Not counted: the lock's length was set by the failures that caused it.
    const lockedUntil = user.locked_until.toISOString();
    await withAudit(ctx.app.db, (trx) => auditFailure(trx, ctx, user, { reason: 'locked', lockedUntil }));
    throw new LiaisonError('invalid-credentials');
  }
  if (!passwordMatches) {
    await recordFailure(ctx, user, 'wrong-password');
    throw new LiaisonError('invalid-credentials');
  }
  if (user.disabled) throw new LiaisonError('account-disabled');
  if (user.totp_enrolled_at && user.totp_secret) {
    if (!input.totp) throw new LiaisonError('totp-required');
    const secret = unseal(user.totp_secret, 'totp');
    const totp = await acceptTotpCode(ctx.app.db, user.id, secret, input.totp);
    if (totp !== 'accepted' && !(await useRecoveryCode(ctx, user.id, input.totp))) {
      await recordFailure(ctx, user, totp === 'used' ? 'totp-already-used' : 'wrong-totp');
      throw new LiaisonError('invalid-totp');
    }
  }
  return withAudit(ctx.app.db, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        failed_logins: 0,
        locked_until: null,
        // A TOTP secret stored before sealing was configured is sealed at its first use afterwards.
        ...(user.totp_secret &&
          !isSealed(user.totp_secret) &&
          sealSecretConfigured() && { totp_secret: seal(unseal(user.totp_secret, 'totp'), 'totp') }),
      })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(ctx.app, trx, user.id, { ip: ctx.ip, userAgent });
    await audit({ ...ctx, trx }, { actorId: user.id, actorAgency: user.agency_code }, 'auth.login', {
      type: 'user',
      id: user.id,
    });
    return session;
  });
}

export async function logout(
  ctx: Ctx,
  session: { userId: string; agencyCode: string; sessionHash: string },
  everywhere: boolean,
) {
  await withAudit(ctx.app.db, async (trx) => {
    const query = trx.deleteFrom('sessions');
    await (everywhere
      ? query.where('user_id', '=', session.userId)
      : query.where('id_hash', '=', session.sessionHash)
    ).execute();
    if (everywhere) {
      const by = { userId: session.userId, agencyCode: session.agencyCode };
      await endApiTokens(trx, ctx, by, session.userId, 'sign-out-everywhere');
    }
    await audit(
      { ...ctx, trx },
      { actorId: session.userId, actorAgency: session.agencyCode },
      everywhere ? 'auth.logout_everywhere' : 'auth.logout',
      { type: 'user', id: session.userId },
    );
  });
  await accountsChanged(ctx.app);
}
