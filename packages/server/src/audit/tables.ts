import type { Json, Timestamp } from '../db/tables.ts';

export interface AuditTables {
  audit_log: {
    seq: string;
    at: Timestamp;
    actor_id: string | null;
    actor_agency: string | null;
    action: string;
    record_type: string;
    record_id: string | null;
    ip: string | null;
    purpose: string | null;
    details: Json;
    prev_hash: string;
    hash: string;
  };
}
