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
  /** Signed heads of the chain (audit/checkpoints.ts); append-only. */
  audit_checkpoints: {
    seq: string;
    hash: string;
    at: Timestamp;
    /** Compact JWS by the node's signing key of {v, node, seq, hash, at}. */
    jws: string;
  };
}
