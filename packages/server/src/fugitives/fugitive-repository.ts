import { type Actor, type FieldProblemCode, LiaisonError } from '@liaison/core';
import { sql } from 'kysely';
import { audit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';

/** One audit entry about a fugitive or one of its parts; the subject is always the fugitive, so its history is one query. */
export function auditFugitive(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  action: string,
  fugitiveId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit({ ...ctx, trx }, actor, action, { type: 'fugitive', id: fugitiveId }, details, {
    purpose: ctx.purpose,
  });
}

export function invalidField(path: string, message: string, code?: FieldProblemCode): LiaisonError {
  return new LiaisonError('invalid-input', `${message}.`, {
    fields: [{ path, message, specific: true, ...(code ? { code } : {}) }],
  });
}

/** Lock key of the register's identity check (one-key advisory lock). */
const IDENTITY_LOCK = 0x46554749; // 'FUGI'

/**
 * Serialises the duplicate check with the insert or update that follows it, until the transaction ends, so two
 * officers entering the same person at once cannot both pass. Writes of identities are rare; one lock is enough.
 */
export async function lockIdentities(trx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IDENTITY_LOCK}::bigint)`.execute(trx);
}
