import { type Actor, actingUserId, LiaisonError } from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';

/** Who an audit entry names: no user for the node itself (the command line, jobs). */
export function auditActor(actor: Actor) {
  return { actorId: actingUserId(actor), actorAgency: actor.agencyCode };
}

/**
 * Refuses an account change the separation-of-duties rules forbid (403): the attempt is audited in its own
 * transaction — the refused change writes nothing, but who tried what must show in the log.
 */
export async function refuseAccountChange(
  ctx: Ctx,
  actor: Actor,
  action: string,
  record: { type: string; id: string },
  details: Record<string, unknown> & { reason: string },
  message: string,
): Promise<never> {
  await withAudit(ctx.app.db, (trx) =>
    audit({ ...ctx, trx }, actor, action, { type: record.type, id: record.id }, details),
  );
  throw new LiaisonError('forbidden', message);
}
