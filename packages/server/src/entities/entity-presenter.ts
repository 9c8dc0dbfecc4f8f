import type { EntityView } from '@liaison/core/graph/index';
import type { Selectable } from 'kysely';
import type { GraphTables } from './tables.ts';

export type EntityRow = Selectable<GraphTables['entities']> & { owner_agency_code: string };

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

/** What a user who may not see an entity learns: that it exists, its kind and who to ask. */
export interface RestrictedView {
  restricted: true;
  ownerAgency: string;
}
