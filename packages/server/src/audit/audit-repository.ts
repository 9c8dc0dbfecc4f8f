import {
  type AuditEntryContent,
  auditEntryHash,
  type ChainBreak,
  findChainBreak,
  genesisHash,
} from '@liaison/core';
import { sql } from 'kysely';
import type { Db, Tx } from '../context.ts';

export interface AuditInput {
  actorId: string | null;
  actorAgency: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
}

// One lock key for the chain head: appends are serialised so every entry links to the one before it.
const AUDIT_CHAIN_LOCK = 7_236_001;

/** Appends one entry, inside the caller's transaction, so the change and its audit commit together. */
export async function appendAudit(trx: Tx, input: AuditInput, at: Date = new Date()): Promise<string> {
  const [seq] = await appendAuditBatch(trx, [input], at);
  return seq!;
}

/**
 * Appends many entries in the caller's transaction: the chain lock is taken once, the entries are chained in
 * order in memory and inserted in one statement (arrays, so the number of entries is not bounded by the
 * protocol's parameter limit). Returns the sequence numbers, in order.
 */
export async function appendAuditBatch(
  trx: Tx,
  inputs: readonly AuditInput[],
  at: Date = new Date(),
): Promise<string[]> {
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
  const iso = at.toISOString();
  const columns = {
    seq: [] as string[],
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
    const content: AuditEntryContent = {
      seq: seq.toString(),
      at: iso,
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
    select u.seq, ${at}::timestamptz, u.actor_id, u.actor_agency, u.action, u.record_type, u.record_id, u.ip, u.purpose, u.details::jsonb, u.prev_hash, u.hash
    from unnest(${columns.seq}::bigint[], ${columns.actorId}::uuid[], ${columns.actorAgency}::text[], ${columns.action}::text[],
                ${columns.recordType}::text[], ${columns.recordId}::text[], ${columns.ip}::text[], ${columns.purpose}::text[],
                ${columns.details}::text[], ${columns.prevHash}::text[], ${columns.hash}::text[])
      as u(seq, actor_id, actor_agency, action, record_type, record_id, ip, purpose, details, prev_hash, hash)
    order by u.seq
  `.execute(trx);
  return columns.seq;
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

/** Reads the whole chain in pages, in order, and returns the first broken entry (or null). */
export async function verifyAuditChain(
  db: Db,
  pageSize = 5_000,
): Promise<{ checked: number; break: ChainBreak | null }> {
  let previous = genesisHash;
  let afterSeq = '0';
  let checked = 0;
  let expectedSeq = 1n;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { checked, break: null };
    const entries = rows.map((r) => ({
      seq: String(r.seq),
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorAgency: r.actor_agency,
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      ip: r.ip,
      purpose: r.purpose,
      details: r.details,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    for (const entry of entries) {
      // A missing sequence number means an entry was deleted even if the links were rewritten.
      if (BigInt(entry.seq) !== expectedSeq)
        return { checked, break: { seq: entry.seq, reason: 'broken-link' } };
      expectedSeq += 1n;
    }
    const broken = findChainBreak(entries, previous);
    if (broken) return { checked: checked + entries.findIndex((e) => e.seq === broken.seq), break: broken };
    checked += entries.length;
    previous = entries[entries.length - 1]!.hash;
    afterSeq = entries[entries.length - 1]!.seq;
  }
}
