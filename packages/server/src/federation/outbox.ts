import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditInput } from '../audit/audit-repository.ts';
import type { AppContext, Tx } from '../context.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import type { FederationMessage } from './envelope.ts';

export type PeerRow = {
  id: string;
  node_name: string;
  agency_code: string;
  country: string;
  url: string;
  status: 'active' | 'suspended';
};

/** What a message handler gets: the receiving transaction and a way to act once it commits. */
export interface ApplyInput {
  trx: Tx;
  app: AppContext;
  peer: PeerRow;
  message: FederationMessage;
  /** Runs after the commit (live events). */
  afterCommit: (fn: () => void | Promise<void>) => void;
  /** Records an audit entry in this transaction; entries of one apply run are chained in one batch. */
  audit: (entry: AuditInput) => void;
  /**
   * Writes a row with `write` (the owning feature's batch insert) as the last write of the handler: in a run
   * without savepoints the rows of all the run's messages that name the same `write` go in one call at the end
   * of the run; with savepoints at once.
   */
  batched: <Row>(write: BatchWriter<Row>, row: Row) => Promise<void>;
}
/** A feature's insert of many rows of its own table in one statement (or a few). */
export type BatchWriter<Row> = (trx: Tx, rows: Row[]) => Promise<void>;
export type ApplyOutcome = { outcome: 'applied' } | { outcome: 'rejected'; reason: string };
export type MessageHandler = (input: ApplyInput) => Promise<ApplyOutcome>;
/**
 * Told, in the same transaction, when the peer acknowledged or refused some of our messages (one kind); may
 * return live events for the senders, published once the transaction commits.
 */
export type DeliveryListener = (
  trx: Tx,
  app: AppContext,
  messages: { kind: string; body: Record<string, unknown> }[],
  state: 'delivered' | 'failed',
  error: string | null,
) => Promise<LiveEvent[] | undefined>;

/** What to do with a message kind: each feature declares its kinds in its manifest (`messageHandlers`). */
export function messageHandler(app: AppContext, kind: string): MessageHandler | undefined {
  return app.registry.messageHandlers.get(kind);
}

/** Who is told when our messages of a kind settle: the manifests' `deliveryListeners`. */
export function deliveryListener(app: AppContext, kind: string): DeliveryListener | undefined {
  return app.registry.deliveryListeners.get(kind);
}

/**
 * Queues a message for a peer inside the caller's transaction (the transactional outbox): it exists exactly
 * when the change that caused it commits. The per-peer sequence number is taken under the peer row's lock,
 * so numbers have no gaps and follow commit order. Call `federationOf(app).kick()` after the commit.
 */
export async function enqueueMessage(
  trx: Tx,
  app: AppContext,
  peerId: string,
  kind: string,
  body: Record<string, unknown>,
): Promise<{ id: string; seq: string }> {
  const [queued] = await enqueueMessages(trx, app, peerId, [{ kind, body }]);
  return queued!;
}

/**
 * Queues several messages for one peer in one statement: the sequence numbers are taken together (one update
 * of the peer row, under its lock) and the rows inserted together, in the caller's transaction and order.
 */
export async function enqueueMessages(
  trx: Tx,
  app: AppContext,
  peerId: string,
  messages: readonly { kind: string; body: Record<string, unknown> }[],
): Promise<{ id: string; seq: string }[]> {
  if (messages.length === 0) return [];
  const ids = messages.map(() => randomUUID());
  const now = app.now();
  // One round trip: the update allocates the block of numbers (row lock held to commit), the insert uses it.
  const rows = await sql<{ id: string; seq: string }>`
    with s as (
      update peers set next_out_seq = next_out_seq + ${messages.length} where id = ${peerId}
      returning next_out_seq - ${messages.length} as base
    )
    insert into outbox (id, peer_id, seq, kind, body, created_at, next_attempt_at)
    select u.id, ${peerId}::uuid, s.base + u.n, u.kind, u.body::jsonb, ${now}::timestamptz, ${now}::timestamptz
    from s, unnest(${ids}::uuid[], ${messages.map((m) => m.kind)}::text[], ${messages.map((m) => JSON.stringify(m.body))}::text[])
      with ordinality as u(id, kind, body, n)
    returning id, seq::text as seq
  `.execute(trx);
  if (rows.rows.length !== messages.length) throw new Error(`No peer ${peerId}.`);
  const seqById = new Map(rows.rows.map((r) => [r.id, String(r.seq)]));
  return ids.map((id) => ({ id, seq: seqById.get(id)! }));
}
