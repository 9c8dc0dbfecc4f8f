import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../db/tables.ts';

/** Federation: this node's keys, its peers, the outbox and inbox, and case sync's shares and mirrors. */
export interface FederationTables {
  node_keys: {
    kid: string;
    use: 'sig' | 'enc';
    public_jwk: Json<Record<string, unknown>>;
    /** The private JWK, sealed with SEAL_SECRET when set (secrets/sealing.ts) (`enc:` prefix); never logged. */
    private_jwk: string;
    created_at: Timestamp;
    retired_at: NullableTimestamp;
  };
  peers: {
    id: Generated<string>;
    node_name: string;
    agency_code: string;
    country: string;
    url: string;
    status: Generated<'active' | 'suspended'>;
    fingerprint: string;
    next_out_seq: Generated<string>;
    last_applied_seq: Generated<string>;
    last_contact_at: NullableTimestamp;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  peer_keys: {
    kid: string;
    peer_id: string;
    use: 'sig' | 'enc';
    public_jwk: Json<Record<string, unknown>>;
    added_at: Timestamp;
    retired_at: NullableTimestamp;
  };
  outbox: {
    id: string;
    peer_id: string;
    seq: string;
    kind: string;
    body: Json<Record<string, unknown>>;
    state: Generated<'queued' | 'sent' | 'delivered' | 'failed'>;
    attempts: Generated<number>;
    next_attempt_at: Timestamp;
    last_error: string | null;
    created_at: Timestamp;
    sent_at: NullableTimestamp;
    delivered_at: NullableTimestamp;
  };
  inbox: {
    peer_id: string;
    seq: string;
    message_id: string;
    kind: string;
    body: Json<Record<string, unknown>>;
    created_at: Timestamp;
    sent_at: Timestamp;
    received_at: Timestamp;
    applied_at: NullableTimestamp;
    outcome: string | null;
  };
  /** A case shared with a peer: `origin` on the node that shared it, `mirror` on the peer holding the copy. */
  case_shares: {
    id: Generated<string>;
    case_id: string;
    peer_id: string;
    role: 'origin' | 'mirror';
    origin_node: string;
    origin_case_id: string;
    scope: string[];
    markings: Json<Record<string, unknown>>;
    policy_item: Json<Record<string, unknown>>;
    obligations: Json<unknown[]>;
    retain_until: string | null;
    state: Generated<'active' | 'retracted' | 'disposed'>;
    shared_by: string | null;
    created_at: Timestamp;
    retracted_at: NullableTimestamp;
    /** Which sharing this is (the originator's decision time); null on rows made before it was kept. */
    epoch: NullableTimestamp;
  };
  /** Every record of a shared case (ours and the peer's): origin node + origin id ↔ local id, field stamps. */
  mirrored_records: {
    origin_node: string;
    origin_id: string;
    /** The record kind's wire name (its owner's SharedRecordKind: case, task, note, entity, member, link...). */
    record_type: string;
    local_id: string;
    case_id: string;
    fields: Json<Record<string, { v: unknown; t: string }>>;
    deleted_at: string | null;
    updated_at: Timestamp;
  };
  /** A mirrored attachment whose content is still to be pulled from the peer (the attachment is `pending`). */
  attachment_fetches: {
    attachment_id: string;
    peer_id: string;
    sha256: string;
    size_bytes: ColumnType<string, number | string, number | string>;
    attempts: Generated<number>;
    next_attempt_at: Timestamp;
    last_error: string | null;
    created_at: Timestamp;
  };
  /** Blobs whose attachment went: deleted from the file store once no attachment references them. */
  file_releases: {
    sha256: string;
    queued_at: Timestamp;
  };
}
