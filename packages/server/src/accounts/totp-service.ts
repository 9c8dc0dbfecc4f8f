import { type Actor, LiaisonError } from '@liaison/core';
import QRCode from 'qrcode';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';
import { seal, unseal } from '../secrets/sealing.ts';
import { sha256Hex } from './secrets.ts';
import { accountsChanged } from './session-cache.ts';
import { newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp.ts';

/** Step 1: a fresh secret, shown once as a QR code; not active until confirmed with a code. */
export async function startTotpEnrolment(ctx: Ctx, actor: Actor) {
  const current = await ctx.app.db
    .selectFrom('users')
    .select('totp_enrolled_at')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  // A stolen session must not be able to swap or switch off the second factor: an administrator resets it.
  if (current.totp_enrolled_at)
    throw new LiaisonError(
      'conflict',
      'An authenticator is already enrolled. Ask an administrator to reset it.',
    );
  const secret = newTotpSecret();
  await ctx.app.db
    .updateTable('users')
    .set({ totp_secret: seal(secret, 'totp'), totp_enrolled_at: null })
    .where('id', '=', actor.userId)
    .execute();
  const uri = totpUri(secret, actor.email);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Step 2: a valid code proves the phone has the secret; recovery codes are returned once. */
export async function confirmTotpEnrolment(ctx: Ctx, actor: Actor, code: string) {
  const user = await ctx.app.db
    .selectFrom('users')
    .select(['totp_secret'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!user.totp_secret) throw new LiaisonError('conflict', 'Start the enrolment first.');
  if (!verifyTotp(unseal(user.totp_secret, 'totp'), code))
    throw new LiaisonError('invalid-totp', undefined, {
      fields: [{ path: '/code', message: 'That code is not valid' }],
    });
  const recoveryCodes = newRecoveryCodes();
  await ctx.app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enrolled_at: ctx.app.now() })
      .where('id', '=', actor.userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', actor.userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(recoveryCodes.map((code) => ({ user_id: actor.userId, code_hash: sha256Hex(code) })))
      .execute();
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'auth.totp_enrolled',
      recordType: 'user',
      recordId: actor.userId,
      ip: ctx.ip,
    });
  });
  await accountsChanged(ctx.app);
  return { recoveryCodes };
}
