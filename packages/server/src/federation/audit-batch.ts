import { type AuditEntryContent, auditEntryHash, genesisHash } from '@liaison/core';
import { sql } from 'kysely';
import type { AuditInput } from '../audit/audit-repository.ts';
import type { Tx } from '../context.ts';

// The same lock key as audit-repository's appendAudit: one chain, one head, appends in turn.
const AUDIT_CHAIN_LOCK = 7_236_001;

/**
 * Appends several audit entries in one go (one lock, one head read, one insert) inside the caller's
 * transaction, chained exactly as `appendAudit` would chain them one by one.
 */
export async function appendAuditEntries(trx: Tx, entries: AuditInput[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const head = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = head ? BigInt(head.seq) : 0n;
  let prevHash = head?.hash ?? genesisHash;
  const rows = entries.map((input) => {
    seq += 1n;
    const content: AuditEntryContent = {
      seq: seq.toString(),
      at: at.toISOString(),
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
    const row = {
      seq: content.seq,
      at,
      actor_id: content.actorId,
      actor_agency: content.actorAgency,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      ip: content.ip,
      purpose: content.purpose,
      details: JSON.stringify(content.details),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}
