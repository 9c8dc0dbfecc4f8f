import { sql } from 'kysely';
import type { RecordPurge } from '../changes/shared-record-kind.ts';
import type { Tx } from '../context.ts';

// Correlation's rows that point at entities or cases: hits and the access requests they led to, the identifier
// index, person-match decisions. Deleted here when the graph purges entities or a mirrored case goes.

const idList = (ids: readonly string[]) => sql`${sql.join(ids.map((id) => sql`${id}::uuid`))}`;

export const correlationPurge: RecordPurge = {
  owner: 'correlation',
  // Hits and decisions point at entities, links and cases: they go first.
  before: ['graph', 'cases'],
  async purgeEntities(trx, _app, ids) {
    if (ids.length === 0) return;
    const list = idList(ids);
    await sql`delete from access_requests where hit_id in (select id from hits where entity_id in (${list}) or matched_entity_id in (${list}))`.execute(
      trx,
    );
    await sql`delete from hits where entity_id in (${list}) or matched_entity_id in (${list})`.execute(trx);
    await sql`delete from identifiers where entity_id in (${list})`.execute(trx);
    await sql`delete from person_match_decisions where entity_a_id in (${list}) or entity_b_id in (${list}) or link_id in (select id from links where source_id in (${list}) or target_id in (${list}))`.execute(
      trx,
    );
  },
  async purgeCase(trx, _app, caseId) {
    await sql`delete from access_requests where case_id = ${caseId} or hit_id in (select id from hits where case_id = ${caseId} or matched_case_id = ${caseId})`.execute(
      trx,
    );
    await sql`delete from hits where case_id = ${caseId} or matched_case_id = ${caseId}`.execute(trx);
    await sql`update identifiers set case_id = null where case_id = ${caseId}`.execute(trx);
  },
};

/** Links about to go: a person-match decision keeps its verdict and no longer names the link it made. */
export async function forgetLinks(trx: Tx, linkIds: readonly string[]): Promise<void> {
  if (linkIds.length === 0) return;
  await trx
    .updateTable('person_match_decisions')
    .set({ link_id: null })
    .where('link_id', 'in', [...linkIds])
    .execute();
}
