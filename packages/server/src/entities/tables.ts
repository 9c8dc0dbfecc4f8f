import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

export interface StoredRoleChange {
  role: string;
  reason: string;
  changedBy: string;
  changedAt: string;
}

/** The knowledge graph (migration 0003): entities, links, entities in cases, identifiers, hits, charts. */
export interface GraphTables {
  entities: {
    id: Uuid;
    type: string;
    properties: Json<Record<string, unknown>>;
    caption: string;
    search_text: Generated<string>;
    owner_agency_id: string;
    tlp: Generated<string>;
    handling_code: Generated<string>;
    markings: Json<Record<string, unknown> | null> | null;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
    /** Set when the entity is deleted (a tombstone: see migration 0006). */
    deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
  };
  links: {
    id: Uuid;
    type: string;
    source_id: string;
    target_id: string;
    properties: ColumnType<Record<string, unknown>, string | undefined, string>;
    valid_from: string | null;
    valid_to: string | null;
    confidence: number | null;
    markings: Json<Record<string, unknown> | null> | null;
    owner_agency_id: string;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  case_entities: {
    case_id: string;
    entity_id: string;
    role: string | null;
    role_history: ColumnType<StoredRoleChange[], string | undefined, string>;
    added_by: string;
    added_at: Timestamp;
  };
  identifiers: {
    id: Uuid;
    kind: string;
    value: string;
    raw: string;
    display: string;
    valid: boolean;
    problem: string | null;
    /** What the normaliser said besides the key (country assumed, unverified digits key…), migration 0018. */
    details: Json<Record<string, string> | null> | null;
    property: string;
    entity_id: string;
    case_id: string | null;
    created_at: Timestamp;
  };
  non_correlating_identifiers: {
    kind: string;
    value: string;
    reason: string;
    marked_by: string;
    marked_at: Timestamp;
  };
  hits: {
    id: Uuid;
    kind: string;
    value: string;
    entity_id: string;
    case_id: string | null;
    matched_entity_id: string;
    matched_case_id: string | null;
    raised_by: string;
    raised_at: Timestamp;
  };
  access_requests: {
    id: Uuid;
    hit_id: string;
    requester_id: string;
    requester_agency_id: string;
    owner_agency_id: string;
    entity_id: string;
    case_id: string | null;
    reason: string;
    status: Generated<string>;
    decided_by: string | null;
    decided_at: NullableTimestamp;
    created_at: Timestamp;
  };
  person_match_decisions: {
    id: Uuid;
    entity_a_id: string;
    entity_b_id: string;
    decision: string;
    reason: string;
    score: number;
    link_id: string | null;
    decided_by: string;
    decided_at: Timestamp;
  };
  link_charts: {
    id: Uuid;
    name: string;
    owner_id: string;
    agency_id: string;
    node_ids: string[];
    positions: ColumnType<Record<string, { x: number; y: number }>, string, string>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
}
