import type { AppContext } from '../context.ts';
import { applyInOrder } from './apply-in-order.ts';
import { EnvelopeError, type FederationMessage } from './envelope.ts';
import type { PeerRow } from './outbox.ts';
import {
  auditRejectedBatch,
  auditRejections,
  authenticate,
  type Rejection,
  type SignerCache,
  signerLookup,
} from './peer-authentication.ts';

export type ReceiptStatus = 'applied' | 'stored' | 'duplicate' | 'rejected';
export interface Receipt {
  id: string | null;
  seq: number | null;
  status: ReceiptStatus;
  reason?: string;
}

/** Who sent the request: a peer that signed it (or that we pulled from), or anyone. */
export type Sender = 'known-peer' | 'unknown';

/**
 * Receives a batch of sealed messages: each is authenticated, then stored idempotently (message id unique,
 * one message per peer and sequence number) before it is acknowledged; storage commits before the answer.
 * Then every peer's messages are applied in sequence order; later ones wait in the inbox for the gap to fill.
 * Messages that fail authentication are audited one entry each in a known peer's batch, and as one entry for
 * the whole request from an unknown sender.
 */
export async function receiveMessages(
  app: AppContext,
  sealed: string[],
  ip: string | null,
  sender: Sender = 'known-peer',
): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  const unauthenticated: Rejection[] = [];
  const accepted: { index: number; message: FederationMessage; peer: PeerRow }[] = [];
  const signers: SignerCache = new Map();
  // Decrypt and verify all at once (the crypto runs off the main thread); the signer is looked up once.
  const opened = await Promise.allSettled(
    sealed.map((envelope) => authenticate(app, envelope, { sequenced: true }, signers)),
  );
  for (const [index, result] of opened.entries()) {
    if (result.status === 'fulfilled') {
      const { message, peer } = result.value;
      accepted.push({ index, message, peer });
      receipts.push({ id: message.id, seq: message.seq, status: 'stored' });
    } else {
      const error: unknown = result.reason;
      if (!(error instanceof EnvelopeError)) throw error;
      // The signer was looked up while authenticating: the cache answers.
      const lookup = error.signerKid ? signerLookup(app, signers) : null;
      if (lookup && error.signerKid) await lookup.find(error.signerKid);
      unauthenticated.push({ reason: error.reason, detail: error.message, peer: lookup?.found.peer });
      receipts.push({ id: null, seq: null, status: 'rejected', reason: error.reason });
    }
  }
  if (sender === 'unknown') await auditRejectedBatch(app, ip, sealed.length, unauthenticated);
  else await auditRejections(app, ip, unauthenticated);
  if (accepted.length === 0) return receipts;
  const rejectedReplays: typeof accepted = [];
  await app.db.transaction().execute(async (trx) => {
    // One multi-row insert; what it skipped is a duplicate (same peer and number) or a replay.
    const inserted = new Set<string>();
    for (let i = 0; i < accepted.length; i += 500) {
      const rows = await trx
        .insertInto('inbox')
        .values(
          accepted.slice(i, i + 500).map(({ message, peer }) => ({
            peer_id: peer.id,
            seq: String(message.seq),
            message_id: message.id,
            kind: message.kind,
            body: JSON.stringify(message.body),
            created_at: message.createdAt,
            sent_at: message.sentAt,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .returning('message_id')
        .execute();
      for (const row of rows) inserted.add(row.message_id);
    }
    const seen = new Set<string>();
    for (const item of accepted) {
      const { message, peer } = item;
      if (inserted.has(message.id) && !seen.has(message.id)) {
        seen.add(message.id);
        continue;
      }
      const same = await trx
        .selectFrom('inbox')
        .select(['peer_id', 'seq'])
        .where('message_id', '=', message.id)
        .executeTakeFirst();
      if (same && same.peer_id === peer.id && Number(same.seq) === message.seq)
        receipts[item.index]!.status = 'duplicate';
      else rejectedReplays.push(item);
    }
    const peerIds = [...new Set(accepted.map((a) => a.peer.id))];
    await trx.updateTable('peers').set({ last_contact_at: app.now() }).where('id', 'in', peerIds).execute();
  });
  // Replays are messages a known peer signed: one entry each, whoever sent the request.
  for (const { index, message } of rejectedReplays)
    receipts[index] = { id: message.id, seq: message.seq, status: 'rejected', reason: 'replay' };
  await auditRejections(
    app,
    ip,
    rejectedReplays.map(({ message, peer }) => ({
      reason: 'replay',
      detail: `Sequence number ${message.seq} or message id already used by another message.`,
      peer,
      message,
    })),
  );
  for (const peerId of new Set(accepted.map((a) => a.peer.id))) await applyInOrder(app, peerId);
  // Tell the sender which of its messages were applied now and which a policy rule turned away.
  const ids = accepted.map((a) => a.message.id);
  const outcomes = await app.db
    .selectFrom('inbox')
    .select(['message_id', 'applied_at', 'outcome'])
    .where('message_id', 'in', ids)
    .execute();
  const byId = new Map(outcomes.map((o) => [o.message_id, o]));
  for (const receipt of receipts) {
    const row = receipt.id ? byId.get(receipt.id) : undefined;
    if (!row || receipt.status === 'rejected') continue;
    if (row.outcome?.startsWith('rejected'))
      Object.assign(receipt, { status: 'rejected', reason: row.outcome.slice('rejected: '.length) });
    else if (row.applied_at && receipt.status === 'stored') receipt.status = 'applied';
  }
  return receipts;
}
