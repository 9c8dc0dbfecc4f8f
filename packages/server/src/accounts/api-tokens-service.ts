import { type Actor, LiaisonError } from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext, Ctx, Tx } from '../context.ts';
import { newSecret, sha256Hex } from './secrets.ts';

const dayMs = 86_400_000;

/**
 * When a token stops working: at its own end, and never later than the node's maximum lifetime
 * (API_TOKEN_MAX_DAYS) from its creation — so a token made before the maximum existed, or before it was
 * lowered, ends too.
 */
export function tokenEndsAt(app: AppContext, token: { created_at: Date; expires_at: Date | null }): Date {
  const latest = new Date(token.created_at.getTime() + app.config.apiTokenMaxDays * dayMs);
  return token.expires_at && token.expires_at < latest ? token.expires_at : latest;
}

export function tokenUsable(
  app: AppContext,
  token: { created_at: Date; expires_at: Date | null; revoked_at: Date | null },
  now: Date,
): boolean {
  return token.revoked_at === null && tokenEndsAt(app, token) > now;
}

async function refuseMinting(ctx: Ctx, actor: Actor): Promise<never> {
  await withAudit(ctx.app.db, (trx) =>
    audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'api_token.refused',
      { type: 'api_token', id: null },
      { reason: 'created-with-a-token' },
    ),
  );
  throw new LiaisonError('forbidden', 'API tokens are made from a signed-in session, not with a token.');
}

/**
 * API tokens for machine clients (hotline systems, scripts); the secret is shown once. Only a session makes
 * one: a token that could mint tokens would outlive its own end, revocation and the maximum lifetime. A token
 * lives `expiresInDays`, at most the node's maximum; without `expiresInDays` it gets the maximum.
 */
export async function createApiToken(
  ctx: Ctx,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
) {
  if (actor.via !== 'session') await refuseMinting(ctx, actor);
  const maximum = ctx.app.config.apiTokenMaxDays;
  const days = input.expiresInDays ?? maximum;
  if (days > maximum) {
    throw new LiaisonError('invalid-input', `An API token lives at most ${maximum} days on this node.`, {
      fields: [
        {
          path: '/expiresInDays',
          message: `At most ${maximum} days`,
          code: 'too_big',
          params: { origin: 'number', maximum, inclusive: true },
        },
      ],
    });
  }
  const token = newSecret('lt_');
  const expiresAt = new Date(ctx.app.now().getTime() + days * dayMs);
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: input.name,
        token_hash: sha256Hex(token),
        expires_at: expiresAt,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'api_token.created',
      { type: 'api_token', id: row.id },
      { name: input.name, expiresAt: expiresAt.toISOString() },
    );
    return { id: row.id, name: input.name, token, expiresAt: expiresAt.toISOString() };
  });
}

export async function listApiTokens(ctx: Ctx, actor: Actor) {
  const rows = await ctx.app.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    expiresAt: tokenEndsAt(ctx.app, r).toISOString(),
    revoked: r.revoked_at !== null,
  }));
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, id: string) {
  await withAudit(ctx.app.db, async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.app.now() })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new LiaisonError('not-found', 'No such token.');
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'api_token.revoked',
      { type: 'api_token', id: id },
    );
  });
}

export type AccessEnd = 'password-reset' | 'totp-reset' | 'sign-out-everywhere' | 'account-disabled';

/**
 * Revokes every live token of a user, in the caller's transaction, with one audit entry naming why (when there
 * was any): tokens end whenever the account's sessions are ended for its safety.
 */
export async function endApiTokens(
  trx: Tx,
  ctx: Ctx,
  by: { userId: string | null; agencyCode: string | null },
  userId: string,
  reason: AccessEnd,
): Promise<number> {
  const ended = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: ctx.app.now() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  if (ended.length > 0) {
    await audit(
      { ...ctx, trx },
      { actorId: by.userId, actorAgency: by.agencyCode },
      'api_token.ended',
      { type: 'user', id: userId },
      { reason, tokenIds: ended.map((row) => row.id) },
    );
  }
  return ended.length;
}
