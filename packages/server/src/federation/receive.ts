import { type Insertable, sql } from 'kysely';
import { type AuditInput, appendAudit, appendAuditBatch } from '../audit/audit-repository.ts';
import type { AppContext, Tx } from '../context.ts';
import type { Database } from '../db/tables.ts';

import {
  EnvelopeError,
  type FederationMessage,
  openMessage,
  type SignerKey,
  verifyPayload,
} from './envelope.ts';
import { type ApplyOutcome, messageHandler, type PeerRow } from './outbox.ts';
import { federationOf } from './runtime.ts';

export type ReceiptStatus = 'applied' | 'stored' | 'duplicate' | 'rejected';
export interface Receipt {
  id: string | null;
  seq: number | null;
  status: ReceiptStatus;
  reason?: string;
}

/** A message's signer may use a retired key only for what it signed before the key was retired. */
const retiredKeyGraceMs = 5 * 60_000;

/** Looks up which peer signs with a key; remembers the peer row for the caller. */
export function signerLookup(app: AppContext, cache?: SignerCache) {
  const found: { peer?: PeerRow; key?: SignerKey } = {};
  const find = async (kid: string): Promise<SignerKey | undefined> => {
    let pending = cache?.get(kid);
    if (!pending) {
      pending = loadSigner(app, kid);
      cache?.set(kid, pending);
    }
    const row = await pending;
    if (!row) return undefined;
    found.peer = {
      id: row.id,
      node_name: row.node_name,
      agency_code: row.agency_code,
      country: row.country,
      url: row.url,
      status: row.status,
    };
    found.key = { kid: row.kid, jwk: row.public_jwk, retiredAt: row.retired_at };
    return found.key;
  };
  return { find, found };
}

/** Signers looked up during one batch, by key id (the lookup itself, so concurrent opens share it). */
type SignerCache = Map<string, ReturnType<typeof loadSigner>>;

function loadSigner(app: AppContext, kid: string) {
  return app.db
    .selectFrom('peer_keys')
    .innerJoin('peers', 'peers.id', 'peer_keys.peer_id')
    .select([
      'peer_keys.kid',
      'peer_keys.public_jwk',
      'peer_keys.retired_at',
      'peers.id',
      'peers.node_name',
      'peers.agency_code',
      'peers.country',
      'peers.url',
      'peers.status',
    ])
    .where('peer_keys.kid', '=', kid)
    .where('peer_keys.use', '=', 'sig')
    .executeTakeFirst();
}

export async function auditRejection(
  app: AppContext,
  ip: string | null,
  reason: string,
  detail: string,
  peer?: PeerRow,
  message?: Partial<FederationMessage>,
): Promise<void> {
  await app.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: null,
        actorAgency: peer?.agency_code ?? null,
        action: 'federation.message.rejected',
        recordType: 'federation_message',
        recordId: message?.id ?? null,
        ip,
        details: {
          reason,
          detail,
          peer: peer?.node_name ?? null,
          seq: message?.seq ?? null,
          kind: message?.kind ?? null,
        },
      },
      app.now(),
    ),
  );
  app.log.warn({ reason, peer: peer?.node_name }, 'federation message rejected');
}

/** Checks everything about one sealed message except replay; the failure names the reason. */
export async function authenticate(
  app: AppContext,
  sealed: string,
  { sequenced }: { sequenced: boolean },
  cache?: SignerCache,
): Promise<{ message: FederationMessage; peer: PeerRow }> {
  const lookup = signerLookup(app, cache);
  const { message } = await openMessage(federationOf(app).keyring, sealed, lookup.find);
  const peer = lookup.found.peer!;
  const key = lookup.found.key!;
  if (key.retiredAt && Date.parse(message.createdAt) > key.retiredAt.getTime() + retiredKeyGraceMs) {
    throw new EnvelopeError('bad-signature', 'Signed with a key the peer has retired.', key.kid);
  }
  if (message.from !== peer.node_name)
    throw new EnvelopeError(
      'bad-signature',
      `Signed by ${peer.node_name} but claims to come from ${message.from}.`,
      key.kid,
    );
  if (message.to !== app.config.nodeName)
    throw new EnvelopeError('wrong-recipient', `Addressed to ${message.to}, not to this node.`, key.kid);
  if (peer.status !== 'active')
    throw new EnvelopeError('unknown-peer', `The peer ${peer.node_name} is suspended.`, key.kid);
  if (sequenced ? !(Number.isSafeInteger(message.seq) && message.seq >= 1) : message.seq !== 0) {
    throw new EnvelopeError('malformed', 'The sequence number is not valid.', key.kid);
  }
  return { message, peer };
}

/**
 * Receives a batch of sealed messages: each is authenticated, then stored idempotently (message id unique,
 * one message per peer and sequence number) before it is acknowledged; storage commits before the answer.
 * Then every peer's messages are applied in sequence order; later ones wait in the inbox for the gap to fill.
 */
export async function receiveMessages(
  app: AppContext,
  sealed: string[],
  ip: string | null,
): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
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
      const lookup = error.signerKid ? signerLookup(app) : null;
      if (lookup && error.signerKid) await lookup.find(error.signerKid);
      await auditRejection(app, ip, error.reason, error.message, lookup?.found.peer);
      receipts.push({ id: null, seq: null, status: 'rejected', reason: error.reason });
    }
  }
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
  for (const { index, message, peer } of rejectedReplays) {
    receipts[index] = { id: message.id, seq: message.seq, status: 'rejected', reason: 'replay' };
    await auditRejection(
      app,
      ip,
      'replay',
      `Sequence number ${message.seq} or message id already used by another message.`,
      peer,
      message,
    );
  }
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

const applyBatch = 500;

/**
 * Applies a peer's stored messages strictly in sequence order, as far as there is no gap. One transaction per
 * run of up to `applyBatch` messages: each message in a savepoint, the inbox marked in one statement per
 * outcome, and the run's audit entries chained in one batch (one chain lock per run, not per message).
 */
export async function applyInOrder(app: AppContext, peerId: string): Promise<number> {
  let total = 0;
  for (;;) {
    // First without savepoints (two round trips fewer per message); if a handler throws, the whole run is
    // rolled back and done again with one savepoint per message, so the broken one is recorded and skipped.
    let run: { applied: number; after: (() => void | Promise<void>)[] };
    try {
      run = await applyRun(app, peerId, false);
    } catch (error) {
      if (!(error instanceof HandlerFailed))
        app.log.debug({ err: error }, 'apply run failed without savepoints; retried with them');
      run = await applyRun(app, peerId, true);
    }
    for (const fn of run.after) await fn();
    total += run.applied;
    if (run.applied < applyBatch) return total;
  }
}

type ItemRow = Insertable<Database['exchange_items']>;

async function insertItems(trx: Tx, rows: ItemRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('exchange_items')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
}

/** A handler threw during a run without savepoints: the run is redone with them. */
class HandlerFailed extends Error {}

async function applyRun(
  app: AppContext,
  peerId: string,
  savepoints: boolean,
): Promise<{ applied: number; after: (() => void | Promise<void>)[] }> {
  {
    const after: (() => void | Promise<void>)[] = [];
    const applied = await app.db.transaction().execute(async (trx) => {
      const peer = await trx
        .selectFrom('peers')
        .select(['id', 'node_name', 'agency_code', 'country', 'url', 'status', 'last_applied_seq'])
        .where('id', '=', peerId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      let next = Number(peer.last_applied_seq) + 1;
      const rows = await trx
        .selectFrom('inbox')
        .selectAll()
        .where('peer_id', '=', peerId)
        .where('seq', '>=', String(next))
        .where('applied_at', 'is', null)
        .orderBy('seq')
        .limit(applyBatch)
        .execute();
      const audits: AuditInput[] = [];
      const items: ItemRow[] = [];
      const outcomes = new Map<string, string[]>();
      let count = 0;
      for (const row of rows) {
        if (Number(row.seq) !== next) break;
        const message: FederationMessage = {
          v: 1,
          id: row.message_id,
          from: peer.node_name,
          to: app.config.nodeName,
          seq: Number(row.seq),
          kind: row.kind,
          createdAt: row.created_at.toISOString(),
          sentAt: row.sent_at.toISOString(),
          body: row.body,
        };
        const outcome = await applyOne(app, trx, peer, message, after, audits, savepoints, items);
        const seqs = outcomes.get(outcome) ?? [];
        seqs.push(row.seq);
        outcomes.set(outcome, seqs);
        next += 1;
        count += 1;
      }
      await insertItems(trx, items);
      const now = app.now();
      for (const [outcome, seqs] of outcomes)
        await trx
          .updateTable('inbox')
          .set({ applied_at: now, outcome })
          .where('peer_id', '=', peerId)
          .where('seq', 'in', seqs)
          .execute();
      await appendAuditBatch(trx, audits, now);
      if (count > 0)
        await trx
          .updateTable('peers')
          .set({ last_applied_seq: String(next - 1) })
          .where('id', '=', peerId)
          .execute();
      return count;
    });
    return { applied, after };
  }
}

async function applyOne(
  app: AppContext,
  trx: Tx,
  peer: PeerRow,
  message: FederationMessage,
  after: (() => void | Promise<void>)[],
  audits: AuditInput[],
  savepoints = true,
  items: ItemRow[] = [],
): Promise<string> {
  const handler = messageHandler(message.kind);
  const reject = (reason: string) => {
    audits.push({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'federation.message.rejected',
      recordType: 'federation_message',
      recordId: message.id,
      ip: null,
      details: { reason, peer: peer.node_name, seq: message.seq, kind: message.kind },
    });
    return `rejected: ${reason}`;
  };
  if (!handler) return reject(`unknown message kind ${message.kind}`);
  if (!savepoints) {
    const pending: (() => void | Promise<void>)[] = [];
    const mine: AuditInput[] = [];
    let result: ApplyOutcome;
    try {
      result = await handler({
        trx,
        app,
        peer,
        message,
        afterCommit: (fn) => pending.push(fn),
        audit: (entry) => mine.push(entry),
        insertItem: async (row) => {
          items.push(row);
        },
      });
    } catch (error) {
      throw new HandlerFailed(error instanceof Error ? error.message : 'handler failed');
    }
    audits.push(...mine);
    if (result.outcome === 'rejected') return reject(result.reason);
    after.push(...pending);
    return 'applied';
  }
  // A savepoint, so one broken message is recorded and skipped without undoing the others in the batch.
  await sql`savepoint apply_one`.execute(trx);
  const pending: (() => void | Promise<void>)[] = [];
  const mine: AuditInput[] = [];
  try {
    const result = await handler({
      trx,
      app,
      peer,
      message,
      afterCommit: (fn) => pending.push(fn),
      audit: (entry) => mine.push(entry),
      insertItem: (row) => insertItems(trx, [row]),
    });
    await sql`release savepoint apply_one`.execute(trx);
    audits.push(...mine);
    if (result.outcome === 'rejected') return reject(result.reason);
    after.push(...pending);
    return 'applied';
  } catch (error) {
    await sql`rollback to savepoint apply_one`.execute(trx);
    app.log.error({ err: error, kind: message.kind }, 'federation message could not be applied');
    return reject(`error: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown'}`);
  }
}

/** A signed request (catch-up pull): the JWS in the Authorization header, bound to path, time and recipient. */
export async function verifySignedRequest(
  app: AppContext,
  header: string | undefined,
  purpose: string,
): Promise<{ peer: PeerRow; payload: Record<string, unknown> }> {
  if (!header?.startsWith('Liaison-Signature '))
    throw new EnvelopeError('malformed', 'The request is not signed.');
  const lookup = signerLookup(app);
  const { payload } = await verifyPayload(header.slice('Liaison-Signature '.length).trim(), lookup.find);
  const peer = lookup.found.peer!;
  const p = payload as Record<string, unknown>;
  if (p.to !== app.config.nodeName)
    throw new EnvelopeError('wrong-recipient', 'The request is for another node.');
  if (p.from !== peer.node_name || p.purpose !== purpose)
    throw new EnvelopeError('bad-signature', 'The signed request does not match.');
  if (typeof p.iat !== 'number' || Math.abs(app.now().getTime() - p.iat) > 120_000)
    throw new EnvelopeError('bad-signature', 'The signed request is too old or from the future.');
  if (peer.status !== 'active')
    throw new EnvelopeError('unknown-peer', `The peer ${peer.node_name} is suspended.`);
  return { peer, payload: p };
}
