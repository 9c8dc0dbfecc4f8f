import { sql } from 'kysely';
import type { RecordPurge } from '../../changes/shared-record-kind.ts';
import type { AppContext, Tx } from '../../context.ts';

// Purging is for records that leave this node altogether (a peer removed its entity, a mirrored case went);
// a local deletion tombstones instead (`tombstoneEntity`). Every owner deletes its own rows, through the purges
// the node registered, dependents first: correlation's hits, access requests, identifiers and person-match
// decisions, rescue's rescue_entities, then the graph's own rows (`graphPurge`).

const idList = (ids: readonly string[]) => sql`${sql.join(ids.map((id) => sql`${id}::uuid`))}`;

/** Removes entities and everything that points at them, each owner deleting its own rows. */
export async function purgeEntities(trx: Tx, app: AppContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const purge of app.sharedRecords.purges()) await purge.purgeEntities?.(trx, app, ids);
}

/**
 * The graph's own rows: the entities' memberships, the links touching them and the entities (the other owners'
 * rows that point at them are gone by then); a removed mirror's memberships.
 */
export const graphPurge: RecordPurge = {
  owner: 'graph',
  before: ['cases'],
  async purgeEntities(trx, _app, ids) {
    if (ids.length === 0) return;
    const list = idList(ids);
    await sql`delete from case_entities where entity_id in (${list})`.execute(trx);
    await sql`delete from links where source_id in (${list}) or target_id in (${list})`.execute(trx);
    await sql`delete from entities where id in (${list})`.execute(trx);
  },
  async purgeCase(trx, _app, caseId) {
    await trx.deleteFrom('case_entities').where('case_id', '=', caseId).execute();
  },
};
