import {
  type AuditEntryContent,
  auditEntryHash,
  type ChainBreak,
  type ChainedEntry,
  chainChecker,
  genesisHash,
} from '@liaison/core';
import { type Selectable, sql } from 'kysely';
import type { Db, Tx } from '../context.ts';
import type { AuditTables } from './tables.ts';

export interface AuditInput {
  actorId: string | null;
  actorAgency: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
  /** When it happened (the app clock, see `audit`); default: the batch's time. */
  at?: Date;
}

// One lock key for the chain head: appends are serialised so every entry links to the one before it.
export const AUDIT_CHAIN_LOCK = 7_236_001;

/**
 * Entries waiting for the end of their transaction, per transaction opened by `withAudit` (audit.ts): appends in
 * such a transaction, by `audit` or by the functions below, join its queue in order, and are chained just before
 * commit, so the chain lock is held only for the append and the commit.
 */
const pending = new WeakMap<Tx, AuditInput[]>();

/** Starts queueing the transaction's entries (see `withAudit`). */
export function queueAudits(trx: Tx): void {
  pending.set(trx, []);
}

/** Chains the transaction's queued entries now (taking the chain lock) and stops queueing. */
export async function flushAudits(trx: Tx): Promise<void> {
  const queue = pending.get(trx);
  pending.delete(trx);
  if (queue) await appendAuditBatch(trx, queue);
}

/** Drops the queue of a transaction that failed. */
export function dropAudits(trx: Tx): void {
  pending.delete(trx);
}

/**
 * Appends one entry inside the caller's transaction, so the change and its audit commit together: queued to the
 * end of a `withAudit` transaction (then no sequence number yet: null), otherwise chained at once, taking the chain
 * lock until that transaction ends. Use cases call `audit` (audit.ts).
 */
export async function appendAudit(trx: Tx, input: AuditInput, at: Date = new Date()): Promise<string | null> {
  const [seq] = await appendAuditBatch(trx, [input], at);
  return seq ?? null;
}

/**
 * Appends many entries in the caller's transaction: the chain lock is taken once, the entries are chained in
 * order in memory and inserted in one statement (arrays, so the number of entries is not bounded by the
 * protocol's parameter limit). Returns the sequence numbers, in order (none when queued, see `appendAudit`).
 */
export async function appendAuditBatch(
  trx: Tx,
  inputs: readonly AuditInput[],
  at: Date = new Date(),
): Promise<string[]> {
  const queue = pending.get(trx);
  if (queue) {
    queue.push(...inputs.map((input) => ({ ...input, at: input.at ?? at })));
    return [];
  }
  if (inputs.length === 0) return [];
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const head = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = head ? BigInt(head.seq) : 0n;
  let prevHash = head?.hash ?? genesisHash;
  const columns = {
    seq: [] as string[],
    at: [] as string[],
    actorId: [] as (string | null)[],
    actorAgency: [] as (string | null)[],
    action: [] as string[],
    recordType: [] as string[],
    recordId: [] as (string | null)[],
    ip: [] as (string | null)[],
    purpose: [] as (string | null)[],
    details: [] as string[],
    prevHash: [] as string[],
    hash: [] as string[],
  };
  for (const input of inputs) {
    seq += 1n;
    const entryAt = input.at ?? at;
    const content: AuditEntryContent = {
      seq: seq.toString(),
      at: entryAt.toISOString(),
      actorId: input.actorId,
      actorAgency: input.actorAgency,
      action: input.action,
      recordType: input.recordType,
      recordId: input.recordId,
      ip: input.ip,
      purpose: input.purpose ?? null,
      details: input.details ?? {},
    };
    const hash = auditEntryHash(prevHash, content);
    columns.seq.push(content.seq);
    columns.at.push(content.at);
    columns.actorId.push(content.actorId);
    columns.actorAgency.push(content.actorAgency);
    columns.action.push(content.action);
    columns.recordType.push(content.recordType);
    columns.recordId.push(content.recordId);
    columns.ip.push(content.ip);
    columns.purpose.push(content.purpose);
    columns.details.push(JSON.stringify(content.details));
    columns.prevHash.push(prevHash);
    columns.hash.push(hash);
    prevHash = hash;
  }
  await sql`
    insert into audit_log (seq, at, actor_id, actor_agency, action, record_type, record_id, ip, purpose, details, prev_hash, hash)
    select u.seq, u.at, u.actor_id, u.actor_agency, u.action, u.record_type, u.record_id, u.ip, u.purpose, u.details::jsonb, u.prev_hash, u.hash
    from unnest(${columns.seq}::bigint[], ${columns.at}::timestamptz[], ${columns.actorId}::uuid[], ${columns.actorAgency}::text[], ${columns.action}::text[],
                ${columns.recordType}::text[], ${columns.recordId}::text[], ${columns.ip}::text[], ${columns.purpose}::text[],
                ${columns.details}::text[], ${columns.prevHash}::text[], ${columns.hash}::text[])
      as u(seq, at, actor_id, actor_agency, action, record_type, record_id, ip, purpose, details, prev_hash, hash)
    order by u.seq
  `.execute(trx);
  return columns.seq;
}

/**
 * The details of a record's entries of one action, newest first (through the log's record index): how a
 * feature reads back what it recorded, e.g. which message a share sent.
 */
export async function auditDetailsOf(
  db: Db,
  subject: { type: string; id: string },
  action: string,
): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('details')
    .where('record_type', '=', subject.type)
    .where('record_id', '=', subject.id)
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((row) => (row.details ?? {}) as Record<string, unknown>);
}

export interface AuditFilter {
  actorId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: string | undefined;
  limit: number;
}

export async function listAudit(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.actor_id',
      'users.email as actor_email',
      'audit_log.actor_agency',
      'audit_log.action',
      'audit_log.record_type',
      'audit_log.record_id',
      'audit_log.ip',
      'audit_log.purpose',
      'audit_log.details',
      'audit_log.hash',
    ]);
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.actor) query = query.where('users.email', '=', filter.actor.trim().toLowerCase());
  if (filter.action)
    query = query.where('audit_log.action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
  if (filter.recordType) query = query.where('audit_log.record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('audit_log.record_id', '=', filter.recordId);
  if (filter.from) query = query.where('audit_log.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('audit_log.at', '<=', new Date(filter.to));
  if (filter.beforeSeq) query = query.where('audit_log.seq', '<', filter.beforeSeq);
  return query.orderBy('audit_log.seq', 'desc').limit(filter.limit).execute();
}

/** A signed head of the chain, as kept in `audit_checkpoints` or the checkpoint file (checkpoints.ts). */
export interface AuditCheckpoint {
  seq: string;
  hash: string;
  at: string;
  jws: string;
  source: 'database' | 'file';
}

export interface ChainWalkOptions {
  /** Start after this entry, already checked (default: the genesis). */
  from?: { seq: string; hash: string };
  /** Stop after this entry (default: the last). */
  through?: string;
  pageSize?: number;
  /** Checkpoints to hold the entries against as they are walked; a differing one is judged by its signature. */
  checkpoints?: {
    between(fromSeq: string, toSeq: string): Promise<AuditCheckpoint[]>;
    isGenuine(checkpoint: AuditCheckpoint): Promise<boolean>;
  };
}

export interface ChainWalk {
  checked: number;
  break: ChainBreak | null;
  /** The last entry found intact. */
  last: { seq: string; hash: string } | null;
}

/**
 * Reads the chain in pages, in order, checking each entry's number, link and hash as it goes (and any checkpoint
 * at its number), so the entry named is the first bad one.
 */
export async function verifyAuditChain(db: Db, options: ChainWalkOptions = {}): Promise<ChainWalk> {
  const check = chainChecker(options.from);
  let last = options.from ?? null;
  let afterSeq = options.from?.seq ?? '0';
  let checked = 0;
  for (;;) {
    let query = db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(options.pageSize ?? 5_000);
    if (options.through) query = query.where('seq', '<=', options.through);
    const rows = await query.execute();
    if (rows.length === 0) return { checked, break: null, last };
    const checkpoints = options.checkpoints
      ? await options.checkpoints.between(String(rows[0]!.seq), String(rows[rows.length - 1]!.seq))
      : [];
    for (const row of rows) {
      const entry = chainedEntry(row);
      const broken = check(entry) ?? (await checkpointBreak(entry, checkpoints, options.checkpoints));
      if (broken) return { checked, break: broken, last };
      checked += 1;
      last = { seq: entry.seq, hash: entry.hash };
    }
    afterSeq = last!.seq;
  }
}

async function checkpointBreak(
  entry: ChainedEntry,
  checkpoints: AuditCheckpoint[],
  judge: ChainWalkOptions['checkpoints'],
): Promise<ChainBreak | null> {
  for (const checkpoint of checkpoints) {
    if (checkpoint.seq !== entry.seq || checkpoint.hash === entry.hash) continue;
    const genuine = await judge!.isGenuine(checkpoint);
    return {
      seq: entry.seq,
      reason: genuine ? 'checkpoint-mismatch' : 'bad-checkpoint',
      source: checkpoint.source,
    };
  }
  return null;
}

function chainedEntry(row: Selectable<AuditTables['audit_log']>): ChainedEntry {
  return {
    seq: String(row.seq),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorAgency: row.actor_agency,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    ip: row.ip,
    purpose: row.purpose,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
