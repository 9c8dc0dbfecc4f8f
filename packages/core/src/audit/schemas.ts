import { z } from 'zod';

/** One audit entry as the API shows it to an auditor. */
export const AuditEntry = z.object({
  seq: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorAgency: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  /** The record's own number where it has one (a case's number, an operation's reference…), else null. */
  recordLabel: z.string().nullable(),
  ip: z.string().nullable(),
  purpose: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  actorId: z.uuid().optional(),
  /** The actor's email, exact (case-insensitive). */
  actor: z.string().max(254).optional(),
  action: z.string().max(100).optional(),
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  beforeSeq: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditVerification = z.object({
  intact: z.boolean(),
  checked: z.number(),
  firstBad: z
    .object({
      seq: z.string(),
      reason: z.enum(['hash-mismatch', 'broken-link', 'truncated', 'checkpoint-mismatch', 'bad-checkpoint']),
      source: z.enum(['database', 'file']).optional(),
    })
    .nullable(),
  /** The latest signed checkpoint of the chain head the log was checked against (none yet: null). */
  checkpoint: z.object({ seq: z.string(), at: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
