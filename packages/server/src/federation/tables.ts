import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../db/tables.ts';
import type { ExchangeTables } from '../exchange/tables.ts';

/** Federation and the exchange built on it (one entry in db/tables.ts). */
export interface FederationTables extends ExchangeTables {
  node_keys: {
    kid: string;
    use: 'sig' | 'enc';
    public_jwk: Json<Record<string, unknown>>;
    /** The private JWK, sealed with FEDERATION_KEY_SECRET when set (`enc:` prefix); never logged. */
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
  hit_queries: {
    id: Generated<string>;
    direction: 'out' | 'in';
    peer_id: string;
    user_id: string | null;
    identifier_kind: string;
    identifier_hash: string;
    hit: boolean | null;
    reference: string | null;
    created_at: Timestamp;
  };
}
