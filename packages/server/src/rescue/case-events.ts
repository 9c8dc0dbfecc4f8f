import { type Actor, actingUserId } from '@liaison/core';
import { audit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';

export interface CaseEventInput {
  kind: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export function actorUserId(actor: Actor): string | null {
  return actingUserId(actor);
}

/**
 * One entry in the case history and one in the audit chain, in the caller's transaction. Audit details carry
 * the kind of change and states, never the person's data.
 */
export async function recordCaseEvent(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  event: CaseEventInput,
): Promise<void> {
  const at = ctx.app.now();
  await trx
    .insertInto('rescue_events')
    .values({
      case_id: caseId,
      at,
      actor_id: actorUserId(actor),
      kind: event.kind,
      from_state: event.from ?? null,
      to_state: event.to ?? null,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
  await audit(
    { ...ctx, trx },
    actor,
    `rescue_case.${event.kind}`,
    { type: 'rescue_case', id: caseId },
    { ...(event.from && { from: event.from }), ...(event.to && { to: event.to }) },
    { purpose: ctx.purpose },
  );
}
