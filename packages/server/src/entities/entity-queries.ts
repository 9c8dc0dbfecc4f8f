import type { Actor } from '@liaison/core';
import type { Db } from '../context.ts';
import { type EntityRow, presentEntity } from './entity-presenter.ts';
import { entityVisible } from './visibility.ts';

export function selectEntities(db: Db) {
  return db
    .selectFrom('entities')
    .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
    .selectAll('entities')
    .select('agencies.code as owner_agency_code');
}

/** The entities among `ids` the actor may see, by id. */
export async function visibleEntitiesById(db: Db, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, ReturnType<typeof presentEntity>>();
  const rows = (await selectEntities(db)
    .where('entities.id', 'in', [...new Set(ids)])
    .where(entityVisible(actor))
    .execute()) as EntityRow[];
  return new Map(rows.map((row) => [row.id, presentEntity(row)]));
}
