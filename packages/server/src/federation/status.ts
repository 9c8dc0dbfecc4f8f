import { type Actor, authorize } from '@liaison/core';
import type { OutboxEntry } from '@liaison/core/federation/peers';
import type { Ctx } from '../context.ts';
import { findPeer } from './peers.ts';

/** Delivery state of the messages this node sent, newest first: what the sender sees. */
export async function listOutbox(
  ctx: Ctx,
  actor: Actor,
  filter: { peer?: string | undefined; limit: number },
): Promise<OutboxEntry[]> {
  authorize(actor, 'exchange.read');
  let query = ctx.app.db
    .selectFrom('outbox')
    .innerJoin('peers', 'peers.id', 'outbox.peer_id')
    .select([
      'outbox.id',
      'peers.node_name',
      'outbox.seq',
      'outbox.kind',
      'outbox.state',
      'outbox.attempts',
      'outbox.last_error',
      'outbox.created_at',
      'outbox.delivered_at',
      'outbox.next_attempt_at',
    ]);
  if (filter.peer) {
    const peer = await findPeer(ctx.app.db, filter.peer);
    query = query.where('outbox.peer_id', '=', peer?.id ?? '00000000-0000-0000-0000-000000000000');
  }
  const rows = await query
    .orderBy('outbox.created_at', 'desc')
    .orderBy('outbox.seq', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    peer: r.node_name,
    seq: Number(r.seq),
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    nextAttemptAt: r.next_attempt_at.toISOString(),
  }));
}
