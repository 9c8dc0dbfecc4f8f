import type { Db } from '../../context.ts';

export function selectEntities(db: Db) {
  return db
    .selectFrom('entities')
    .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
    .selectAll('entities')
    .select('agencies.code as owner_agency_code');
}
