import type { AppContext, Tx } from '../../context.ts';
import { hlcTick } from '../hlc.ts';

/**
 * Removes a mirror: the case and its parts go, each owner deleting its own rows (the node's purges,
 * changes/shared-record-kind.ts): first the entities that came through this case and what points at them,
 * then what still cites the case. The share and the case's mapping stay as tombstones.
 */
export async function removeMirror(
  trx: Tx,
  app: AppContext,
  caseId: string,
  state: 'retracted' | 'disposed',
) {
  const entities = await trx
    .selectFrom('mirrored_records')
    .select('local_id')
    .where('case_id', '=', caseId)
    .where('record_type', '=', 'entity')
    .execute();
  const entityIds = entities.map((e) => e.local_id);
  const purges = app.sharedRecords.purges();
  if (entityIds.length > 0) for (const purge of purges) await purge.purgeEntities?.(trx, app, entityIds);
  for (const purge of purges) await purge.purgeCase?.(trx, app, caseId);
  await trx
    .deleteFrom('mirrored_records')
    .where('case_id', '=', caseId)
    .where('record_type', '!=', 'case')
    .execute();
  await trx
    .updateTable('mirrored_records')
    .set({ deleted_at: hlcTick(app), fields: '{}' })
    .where('case_id', '=', caseId)
    .where('record_type', '=', 'case')
    .execute();
  await trx
    .updateTable('case_shares')
    .set({ state, retracted_at: app.now() })
    .where('case_id', '=', caseId)
    .where('role', '=', 'mirror')
    .execute();
}
