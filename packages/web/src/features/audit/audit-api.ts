import type { AuditEntry, AuditVerification } from '@liaison/core';
import { api } from '../../app/api.ts';

/** An entry of the audit log (GET /api/v1/audit) and the chain check (POST /api/v1/audit/verify): core's. */
export type { AuditEntry };
export type ChainVerification = AuditVerification;

export interface AuditFilter {
  actorId?: string | undefined;
  /** Matches every action that starts with it, e.g. `auth.` or `user.`. */
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const auditPageSize = 100;

export const auditApi = {
  list: (filter: AuditFilter, beforeSeq?: string) =>
    api.get<AuditEntry[]>('/api/v1/audit', { ...filter, beforeSeq, limit: auditPageSize }),
  verify: () => api.post<ChainVerification>('/api/v1/audit/verify', {}),
};
