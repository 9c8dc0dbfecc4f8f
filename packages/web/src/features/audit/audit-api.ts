import { api } from '../../app/api.ts';

/** One entry of the hash-chained audit log, as GET /api/v1/audit answers it. */
export interface AuditEntry {
  seq: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorAgency: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  purpose: string | null;
  details: unknown;
  hash: string;
}

export interface AuditFilter {
  actorId?: string | undefined;
  /** Matches every action that starts with it, e.g. `auth.` or `user.`. */
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ChainVerification {
  intact: boolean;
  checked: number;
  firstBad: {
    seq: string;
    reason: 'hash-mismatch' | 'broken-link' | 'truncated' | 'checkpoint-mismatch' | 'bad-checkpoint';
    source?: 'database' | 'file';
  } | null;
  /** The latest signed checkpoint of the chain head the log was checked against. */
  checkpoint: { seq: string; at: string } | null;
}

export const auditPageSize = 100;

export const auditApi = {
  list: (filter: AuditFilter, beforeSeq?: string) =>
    api.get<AuditEntry[]>('/api/v1/audit', { ...filter, beforeSeq, limit: auditPageSize }),
  verify: () => api.post<ChainVerification>('/api/v1/audit/verify', {}),
};
