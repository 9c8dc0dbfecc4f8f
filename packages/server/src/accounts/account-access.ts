import { type Actor, actingUserId } from '@liaison/core';
import type { Ctx, Tx } from '../context.ts';
import { type AccessEnd, endApiTokens } from './api-tokens-service.ts';
import { endSessions } from './sessions.ts';

/**
 * Ends everything that signs the account in — its sessions and its API tokens — in the caller's transaction.
 * Used where the account's safety is at stake (password or TOTP reset, disabling); "sign out everywhere" ends
 * its tokens in auth-service.ts. The caller announces `accountsChanged` after the commit.
 */
export async function endAccountAccess(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  userId: string,
  reason: AccessEnd,
): Promise<void> {
  await endSessions(trx, userId);
  const by = { userId: actingUserId(actor), agencyCode: actor.agencyCode };
  await endApiTokens(trx, ctx, by, userId, reason);
}
