import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp, Uuid } from '../../db/tables.ts';

/** The graph's links between entities (migration 0003). */
export interface LinkTables {
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
}
