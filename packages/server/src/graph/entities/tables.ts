import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp, Uuid } from '../../db/tables.ts';

export interface StoredRoleChange {
  role: string;
  reason: string;
  changedBy: string;
  changedAt: string;
}

/** The graph's entities and their places in cases (migration 0003; tombstones 0006). */
export interface EntityTables {
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
  case_entities: {
    case_id: string;
    entity_id: string;
    role: string | null;
    role_history: ColumnType<StoredRoleChange[], string | undefined, string>;
    added_by: string;
    added_at: Timestamp;
  };
}
