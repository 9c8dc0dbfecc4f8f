import type { ColumnType } from 'kysely';
import type { Timestamp, Uuid } from '../../db/tables.ts';

/** Saved link charts: which entities, where on the page (migration 0003). */
export interface ChartTables {
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
