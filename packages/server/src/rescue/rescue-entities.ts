import type { RecordPurge } from '../changes/shared-record-kind.ts';
import type { Tx } from '../context.ts';

// A rescue case's graph entities (`rescue_entities`, migration 0005): which entities its report's identifiers
// became, and where in the report each was named. Rescue's rows: written and purged here.

/** Records the graph entities a rescue case's identifiers became. */
export async function recordRescueEntities(
  trx: Tx,
  rescueCaseId: string,
  entities: readonly { entityId: string; source: string }[],
): Promise<void> {
  if (entities.length === 0) return;
  await trx
    .insertInto('rescue_entities')
    .values(entities.map((e) => ({ rescue_case_id: rescueCaseId, entity_id: e.entityId, source: e.source })))
    .execute();
}

/** They go when the graph purges the entities. */
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
