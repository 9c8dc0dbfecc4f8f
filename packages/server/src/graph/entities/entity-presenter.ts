import type { EntityView } from '@liaison/core/graph/index';
import type { Selectable } from 'kysely';
import type { EntityTables } from './tables.ts';

export type EntityRow = Selectable<EntityTables['entities']> & { owner_agency_code: string };

export function presentEntity(row: EntityRow): EntityView {
  return {
    id: row.id,
    type: row.type,
    caption: row.caption,
    properties: row.properties,
    ownerAgency: row.owner_agency_code,
    tlp: row.tlp,
    handlingCode: row.handling_code,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
