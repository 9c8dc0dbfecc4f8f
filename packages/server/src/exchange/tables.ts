import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../db/tables.ts';

export interface ExchangeTables {
  exchange_items: {
    id: string;
    peer_id: string;
    direction: 'out' | 'in';
    kind: string;
    thread_id: string;
    in_reply_to: string | null;
    subject: string;
    body: string;
    priority: string;
    deadline: NullableTimestamp;
    questions: Json<string[]>;
    translations: Json<Record<string, unknown>>;
    identifiers: Json<{ kind: string; value: string }[]>;
    attachments: Json<unknown[]>;
    /** Records sent with the item (`ExchangeRecord[]`: a fugitive, a sighting, an operation and their wire fields). */
    records: ColumnType<unknown[], string | undefined, string>;
    categories: string[];
    markings: Json<Record<string, unknown>>;
    hit_reference: string | null;
    author_name: string;
    author_agency: string;
    created_by: string | null;
    created_at: Timestamp;
    delivery_state: string | null;
    delivery_error: string | null;
    acknowledged_at: NullableTimestamp;
    read_at: NullableTimestamp;
    reminded_at: NullableTimestamp;
    obligations: Json<unknown[]>;
    retain_until: string | null;
  };
  /** Hit/no-hit queries asked and answered (the identifier's hash, never the identifier). */
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
