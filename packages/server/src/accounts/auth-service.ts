import { LiaisonError } from '@liaison/core';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';
import { isSealed, seal, sealSecretConfigured, unseal } from '../secrets/sealing.ts';
import { endApiTokens } from './api-tokens-service.ts';
import { lockDurationMs } from './lockout.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { sha256Hex } from './secrets.ts';
import { accountsChanged } from './session-cache.ts';
import { createSession } from './sessions.ts';
import { verifyTotp } from './totp.ts';
import { findUserByEmail } from './users-repository.ts';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

async function recordFailure(ctx: Ctx, user: UserRow, reason: string): Promise<void> {
  const failed = user.failed_logins + 1;
  const lockMs = lockDurationMs(failed);
  await ctx.app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        failed_logins: failed,
        locked_until: lockMs > 0 ? new Date(ctx.app.now().getTime() + lockMs) : user.locked_until,
      })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, {
      actorId: user.id,
      actorAgency: user.agency_code,
      action: 'auth.login_failed',
      recordType: 'user',
      recordId: user.id,
      ip: ctx.ip,
      details: { reason, failedLogins: failed, lockedForSeconds: lockMs / 1000 },
    });
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

export async function login(ctx: Ctx, input: LoginInput, userAgent: string | null) {
  const user = await findUserByEmail(ctx.app.db, input.email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await ctx.app.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actorId: null,
        actorAgency: null,
        action: 'auth.login_failed',
        recordType: 'user',
        recordId: null,
        ip: ctx.ip,
        details: { reason: 'unknown-email' },
      }),
    );
    throw new LiaisonError('invalid-credentials');
  }
  const now = ctx.app.now();
  if (user.locked_until && user.locked_until > now) {
    const retryAfter = Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000);
    throw new LiaisonError('account-locked', `Try again in ${retryAfter} seconds.`, {
      extra: { retryAfter },
    });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(ctx, user, 'wrong-password');
    throw new LiaisonError('invalid-credentials');
  }
  if (user.disabled) throw new LiaisonError('account-disabled');
  if (user.totp_enrolled_at && user.totp_secret) {
    if (!input.totp) throw new LiaisonError('totp-required');
    const secret = unseal(user.totp_secret, 'totp');
    const ok = verifyTotp(secret, input.totp) || (await useRecoveryCode(ctx, user.id, input.totp));
    if (!ok) {
      await recordFailure(ctx, user, 'wrong-totp');
      throw new LiaisonError('invalid-totp');
    }
  }
  return ctx.app.db.transaction().execute(async (trx) => {
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
    await appendAudit(trx, {
      actorId: user.id,
      actorAgency: user.agency_code,
      action: 'auth.login',
      recordType: 'user',
      recordId: user.id,
      ip: ctx.ip,
    });
    return session;
  });
}

export async function logout(
  ctx: Ctx,
  session: { userId: string; agencyCode: string; sessionHash: string },
  everywhere: boolean,
) {
  await ctx.app.db.transaction().execute(async (trx) => {
    const query = trx.deleteFrom('sessions');
    await (everywhere
      ? query.where('user_id', '=', session.userId)
      : query.where('id_hash', '=', session.sessionHash)
    ).execute();
    if (everywhere) {
      const by = { userId: session.userId, agencyCode: session.agencyCode };
      await endApiTokens(trx, ctx, by, session.userId, 'sign-out-everywhere');
    }
    await appendAudit(trx, {
      actorId: session.userId,
      actorAgency: session.agencyCode,
      action: everywhere ? 'auth.logout_everywhere' : 'auth.logout',
      recordType: 'user',
      recordId: session.userId,
      ip: ctx.ip,
    });
  });
  await accountsChanged(ctx.app);
}
