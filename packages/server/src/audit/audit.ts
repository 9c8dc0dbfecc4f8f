import { actingUserId, type Principal } from '@liaison/core';
import type { Kysely } from 'kysely';
import type { Tx } from '../context.ts';
import type { Database } from '../db/tables.ts';
import {
  type AuditInput,
  appendAuditBatch,
  dropAudits,
  flushAudits,
  queueAudits,
} from './audit-repository.ts';

/** Where an entry is written: the transaction of the change it records, the app clock, the caller's address. */
export interface AuditScope {
  app: { now(): Date };
  ip: string | null;
  trx: Tx;
}

/** The record an entry is about (`audit_log.record_type`, `record_id`). */
export interface AuditSubject {
  type: string;
  id: string | null;
}

/**
 * Who an entry names when no principal acted: a sign-in attempt names the account tried, a refused peer request
 * the agency it claimed, some entries nobody.
 */
export interface AuditWho {
  actorId: string | null;
  actorAgency: string | null;
}

export interface AuditOptions {
  /** The purpose the user stated (`ctx.purpose`), for reads of restricted records. */
  purpose?: string | null;
}

/** Who an entry names for a principal: a person's user id (none for the node, peers and the public form), and its agency. */
export function auditWho(principal: Principal | AuditWho): AuditWho {
  if ('via' in principal) return { actorId: actingUserId(principal), actorAgency: principal.agencyCode };
  return { actorId: principal.actorId, actorAgency: principal.actorAgency };
}

/**
 * The one way use cases audit: an entry about `subject`, timed by the app clock, in the transaction of the
 * change. In a transaction opened by `withAudit` it waits there and is chained at the end, just before commit
 * (as does any `appendAudit` in it); in any other transaction it is chained at once (taking the chain lock
 * until that transaction ends).
 */
export async function audit(
  ctx: AuditScope,
  principal: Principal | AuditWho,
  action: string,
  subject: AuditSubject,
  details: Record<string, unknown> = {},
  options: AuditOptions = {},
): Promise<void> {
  const input: AuditInput = {
    ...auditWho(principal),
    action,
    recordType: subject.type,
    recordId: subject.id,
    ip: ctx.ip,
    purpose: options.purpose ?? null,
    details,
    at: ctx.app.now(),
  };
  await appendAuditBatch(ctx.trx, [input]);
}

/**
 * Runs `fn` in a transaction whose audit entries (`audit` with this `trx`) are queued and chained last, in the
 * order they were made, just before commit: the chain lock, which serialises every audited write on the node, is
 * held only for the append and the commit, not for the rest of the transaction. Nothing is written if `fn` throws.
 */
export async function withAudit<T>(db: Kysely<Database>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    queueAudits(trx);
    try {
      const result = await fn(trx);
      await flushAudits(trx);
      return result;
    } finally {
      dropAudits(trx);
    }
  });
}
