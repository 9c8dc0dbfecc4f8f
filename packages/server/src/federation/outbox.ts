import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditInput } from '../audit/audit-repository.ts';
import type { AppContext, Tx } from '../context.ts';
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
}
export type ApplyOutcome = { outcome: 'applied' } | { outcome: 'rejected'; reason: string };
export type MessageHandler = (input: ApplyInput) => Promise<ApplyOutcome>;
/** Told, in the same transaction, when the peer acknowledged or refused some of our messages (one kind). */
export type DeliveryListener = (
  trx: Tx,
  messages: { kind: string; body: Record<string, unknown> }[],
  state: 'delivered' | 'failed',
  error: string | null,
) => Promise<void>;

const handlers = new Map<string, MessageHandler>();
const deliveryListeners = new Map<string, DeliveryListener>();

/** Each feature that shares something registers what to do with its message kinds. */
export function registerMessageHandler(kind: string, handler: MessageHandler): void {
  handlers.set(kind, handler);
}

export function messageHandler(kind: string): MessageHandler | undefined {
  return handlers.get(kind);
}

export function registerDeliveryListener(kind: string, listener: DeliveryListener): void {
  deliveryListeners.set(kind, listener);
}

export function deliveryListener(kind: string): DeliveryListener | undefined {
  return deliveryListeners.get(kind);
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
  const peer = await trx
    .updateTable('peers')
    .set({ next_out_seq: sql`next_out_seq + 1` })
    .where('id', '=', peerId)
    .returning('next_out_seq')
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const now = app.now();
  await trx
    .insertInto('outbox')
    .values({
      id,
      peer_id: peerId,
      seq: String(peer.next_out_seq),
      kind,
      body: JSON.stringify(body),
      created_at: now,
      next_attempt_at: now,
    })
    .execute();
  return { id, seq: String(peer.next_out_seq) };
}
