import { type Actor, LiaisonError } from '@liaison/core';
import QRCode from 'qrcode';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import { seal, unseal } from '../secrets/sealing.ts';
import { sha256Hex } from './secrets.ts';
import { accountsChanged } from './session-cache.ts';
import { newRecoveryCodes, newTotpSecret, totpStep, totpUri } from './totp.ts';

const alreadyEnrolled = () =>
  new LiaisonError('conflict', 'An authenticator is already enrolled. Ask an administrator to reset it.');

/** Step 1: a fresh secret, shown once as a QR code; not active until confirmed with a code. */
export async function startTotpEnrolment(ctx: Ctx, actor: Actor) {
  const secret = newTotpSecret();
  // A stolen session must not be able to swap or switch off the second factor: an administrator resets it.
  const started = await ctx.app.db
    .updateTable('users')
    .set({ totp_secret: seal(secret, 'totp'), totp_last_step: null })
    .where('id', '=', actor.userId)
    .where('totp_enrolled_at', 'is', null)
    .executeTakeFirst();
  if (Number(started.numUpdatedRows) !== 1) throw alreadyEnrolled();
  const uri = totpUri(secret, actor.email);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/**
 * Step 2: a valid code proves the phone has the secret; recovery codes are returned once. Only once: while an
 * authenticator is enrolled, confirming again (which would replace the recovery codes) is a conflict.
 */
export async function confirmTotpEnrolment(ctx: Ctx, actor: Actor, code: string) {
  const user = await ctx.app.db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enrolled_at'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (user.totp_enrolled_at) throw alreadyEnrolled();
  if (!user.totp_secret) throw new LiaisonError('conflict', 'Start the enrolment first.');
  const step = totpStep(unseal(user.totp_secret, 'totp'), code);
  if (step === null)
    throw new LiaisonError('invalid-totp', undefined, {
      fields: [{ path: '/code', message: 'That code is not valid' }],
    });
  const recoveryCodes = newRecoveryCodes();
  await withAudit(ctx.app.db, async (trx) => {
    // Conditional on the row as read: a concurrent confirmation, or a new setup in between, wins instead.
    const enrolled = await trx
      .updateTable('users')
      .set({ totp_enrolled_at: ctx.app.now(), totp_last_step: step })
      .where('id', '=', actor.userId)
      .where('totp_enrolled_at', 'is', null)
      .where('totp_secret', '=', user.totp_secret)
      .executeTakeFirst();
    if (Number(enrolled.numUpdatedRows) !== 1) throw alreadyEnrolled();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', actor.userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(recoveryCodes.map((code) => ({ user_id: actor.userId, code_hash: sha256Hex(code) })))
      .execute();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'auth.totp_enrolled',
      { type: 'user', id: actor.userId },
    );
  });
  await accountsChanged(ctx.app);
  return { recoveryCodes };
}

/**
 * Accepts a user's TOTP code once: the code's time step must be later than the last one accepted, and taking
 * it is one conditional UPDATE, so two requests racing with the same code cannot both pass.
 */
export async function acceptTotpCode(
  db: Db,
  userId: string,
  secret: string,
  code: string,
): Promise<'accepted' | 'invalid' | 'used'> {
  const step = totpStep(secret, code);
  if (step === null) return 'invalid';
  const taken = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? 'accepted' : 'used';
}
