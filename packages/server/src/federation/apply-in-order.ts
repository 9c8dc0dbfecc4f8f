import { sql } from 'kysely';
import { type AuditInput, appendAuditBatch } from '../audit/audit-repository.ts';
import type { AppContext, Tx } from '../context.ts';

import type { FederationMessage } from './envelope.ts';
import { type ApplyOutcome, type BatchWriter, messageHandler, type PeerRow } from './outbox.ts';

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

/** The rows handlers of one run handed to each feature's batch writer, written once at the end of the run. */
type Batches = Map<BatchWriter<never>, unknown[]>;

async function writeBatches(trx: Tx, batches: Batches): Promise<void> {
  for (const [write, rows] of batches) await write(trx, rows as never[]);
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
      const batches: Batches = new Map();
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
        const outcome = await applyOne(app, trx, peer, message, after, audits, savepoints, batches);
        const seqs = outcomes.get(outcome) ?? [];
        seqs.push(row.seq);
        outcomes.set(outcome, seqs);
        next += 1;
        count += 1;
      }
      await writeBatches(trx, batches);
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
  batches: Batches = new Map(),
): Promise<string> {
  const handler = messageHandler(app, message.kind);
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
        batched: async (write, row) => {
          const rows = batches.get(write as BatchWriter<never>) ?? [];
          rows.push(row);
          batches.set(write as BatchWriter<never>, rows);
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
      batched: (write, row) => write(trx, [row]),
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
