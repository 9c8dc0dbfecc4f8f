import { type Actor, LiaisonError } from '@liaison/core';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';
import { newSecret, sha256Hex } from './secrets.ts';

/** API tokens for machine clients (hotline systems, scripts); the secret is shown once. */
export async function createApiToken(
  ctx: Ctx,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
) {
  const token = newSecret('lt_');
  const expiresAt = input.expiresInDays
    ? new Date(ctx.app.now().getTime() + input.expiresInDays * 86_400_000)
    : null;
  return ctx.app.db.transaction().execute(async (trx) => {
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
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'api_token.created',
      recordType: 'api_token',
      recordId: row.id,
      ip: ctx.ip,
      details: { name: input.name },
    });
    return { id: row.id, name: input.name, token, expiresAt: expiresAt?.toISOString() ?? null };
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
    expiresAt: r.expires_at?.toISOString() ?? null,
    revoked: r.revoked_at !== null,
  }));
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, id: string) {
  await ctx.app.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.app.now() })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new LiaisonError('not-found', 'No such token.');
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'api_token.revoked',
      recordType: 'api_token',
      recordId: id,
      ip: ctx.ip,
    });
  });
}
