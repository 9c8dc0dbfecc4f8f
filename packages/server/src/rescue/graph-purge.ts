import type { RecordPurge } from '../changes/shared-record-kind.ts';

/** A rescue case's graph entities (`rescue_entities`, migration 0005) go when the graph purges them. */
export const rescueGraphPurge: RecordPurge = {
  owner: 'rescue',
  before: ['graph'],
  async purgeEntities(trx, _app, ids) {
    if (ids.length === 0) return;
    await trx
      .deleteFrom('rescue_entities')
      .where('entity_id', 'in', [...ids])
      .execute();
  },
};
