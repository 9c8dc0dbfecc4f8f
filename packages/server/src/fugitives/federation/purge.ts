import { sql } from 'kysely';
import type { RecordPurge } from '../../changes/shared-record-kind.ts';
import { removeMirroredFugitive } from './fugitive-record.ts';

/**
 * A removed mirror (retracted, or past its retention): the partner's fugitives placed only in it go with their
 * sightings (unless this node's own work hangs on one: `removeMirroredFugitive`); every other fugitive placed
 * in it (ours, or the partner's placed in another case too) only loses the case.
 */
export const fugitivesPurge: RecordPurge = {
  owner: 'fugitives',
  before: ['cases', 'graph'],
  async purgeCase(trx, app, caseId) {
    const only = await trx
      .selectFrom('fugitives')
      .select('id')
      .where(sql<boolean>`linked_case_ids = array[${caseId}::uuid]`)
      .where('agency_code', '<>', app.config.nodeAgency)
      .execute();
    for (const { id } of only) await removeMirroredFugitive(trx, id);
    await trx
      .updateTable('fugitives')
      .set({ linked_case_ids: sql`array_remove(linked_case_ids, ${caseId}::uuid)` })
      .where(sql<boolean>`${caseId}::uuid = any(linked_case_ids)`)
      .execute();
  },
};
