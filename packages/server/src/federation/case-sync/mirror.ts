import { sql } from 'kysely';
import { queueBlobRelease } from '../../cases/attachment-blobs.ts';
import type { AppContext, Tx } from '../../context.ts';
import { dropEntities } from '../graph-index.ts';
import { hlcTick } from '../hlc.ts';

/** Removes a mirror: the case and its parts go; the share and the case's mapping stay as tombstones. */
export async function removeMirror(
  trx: Tx,
  app: AppContext,
  caseId: string,
  state: 'retracted' | 'disposed',
) {
  // The mirrored graph goes with it: entities that came through this case, then what still cites the case.
  const entities = await trx
    .selectFrom('mirrored_records')
    .select('local_id')
    .where('case_id', '=', caseId)
    .where('record_type', '=', 'entity')
    .execute();
  await dropEntities(
    trx,
    entities.map((e) => e.local_id),
  );
  await trx.deleteFrom('case_entities').where('case_id', '=', caseId).execute();
  await sql`delete from access_requests where case_id = ${caseId} or hit_id in (select id from hits where case_id = ${caseId} or matched_case_id = ${caseId})`.execute(
    trx,
  );
  await sql`delete from hits where case_id = ${caseId} or matched_case_id = ${caseId}`.execute(trx);
  await sql`update identifiers set case_id = null where case_id = ${caseId}`.execute(trx);
  // Attachments go with the case (and their pending fetches); their blobs unless another record uses them.
  const attachments = await trx
    .deleteFrom('case_attachments')
    .where('case_id', '=', caseId)
    .returning('sha256')
    .execute();
  await queueBlobRelease(
    trx,
    app,
    attachments.map((a) => a.sha256),
  );
  await trx.deleteFrom('cases').where('id', '=', caseId).execute();
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
