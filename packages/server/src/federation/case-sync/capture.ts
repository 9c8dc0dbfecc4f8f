import { sql } from 'kysely';
import type { CaseChange, ChangeObserver, GraphChange, KindChange } from '../../changes/record-changes.ts';
import type { AppContext, Tx } from '../../context.ts';
import { fullRecord, type LocalChange, recordKind, stampLocalChange } from './local-record.ts';
import { activeShares, kickSoon, sendSync } from './outgoing.ts';
import type { Kind, SyncRecord } from './types.ts';

// Outgoing change capture: the node's change feed (changes/record-changes.ts) tells what changed; changes of
// shared cases are stamped and queued to the sharing peers.

/** The observer of one node's change feed that mirrors its shared cases (registered where the node is built). */
export function caseSyncObserver(app: AppContext): ChangeObserver {
  return async (trx, change) => {
    if (change.on === 'case') await captureCaseChange(trx, app, change);
    else if (change.on === 'graph' || change.on === 'record') await captureGraphChange(trx, app, change);
    // A person's appearance is news for this node's watchers; what travels is the entity change itself.
  };
}

async function captureCaseChange(trx: Tx, app: AppContext, change: CaseChange) {
  const shares = await activeShares(trx, change.caseId);
  if (shares.length === 0) return;
  const record = await stampLocalChange(trx, app, change);
  if (!record) return;
  for (const share of shares) await sendSync(trx, app, share, [record]);
  kickSoon(app);
}

/**
 * Graph changes: entities, their membership and role in a case, links between entities of a case travel
 * with a case shared with their scope (`entities`), under the same rule (fields by last writer, records by
 * id, removal wins). Where a record is placed (which cases) its owner says; a link travels when both its
 * ends are in the shared case. Other kinds announced by id (a fugitive, a sighting, an operation: `KindChange`)
 * travel as links do, in the shared cases their owner places them in.
 */
async function captureGraphChange(trx: Tx, app: AppContext, change: GraphChange | KindChange) {
  const kind = recordKind(app, change.record);
  const byCase = new Map<string, SyncRecord[]>();
  const add = (caseId: string, record: SyncRecord | null) => {
    if (record) byCase.set(caseId, [...(byCase.get(caseId) ?? []), record]);
  };
  const sharedCases = trx
    .selectFrom('case_shares')
    .select('case_id')
    .where('state', '=', 'active')
    .where(sql<boolean>`${kind.scope} = any(scope)`);
  const mappedCases = (type: Kind) =>
    trx
      .selectFrom('mirrored_records')
      .select(['local_id as id', 'case_id as caseId'])
      .where('record_type', '=', type)
      .where('local_id', 'in', change.ids)
      .where('deleted_at', 'is', null)
      .where('case_id', 'in', sharedCases)
      .execute();
  const placed = async () => {
    const caseIds = (await sharedCases.distinct().execute()).map((s) => s.case_id);
    return caseIds.length === 0 ? [] : ((await kind.placedIn?.(trx, change.ids, caseIds)) ?? []);
  };
  if (change.on === 'graph' && change.record === 'member') {
    const caseId = change.caseId;
    if (!caseId) return;
    const shared = await sharedCases.where('case_id', '=', caseId).executeTakeFirst();
    if (!shared) return;
    for (const id of change.ids) {
      if (change.deleted)
        add(caseId, await stampLocalChange(trx, app, { caseId, record: 'member', id, deleted: true }));
      else {
        add(caseId, await fullRecord(trx, app, { caseId, record: 'entity', id }));
        add(caseId, await fullRecord(trx, app, { caseId, record: 'member', id }));
      }
    }
  } else if (change.on === 'graph' && change.record === 'entity') {
    const found = change.deleted ? await mappedCases('entity') : await placed();
    const stamped = new Map<string, SyncRecord | null>();
    for (const { id, caseId } of found) {
      if (!stamped.has(id)) {
        const known = await trx
          .selectFrom('mirrored_records')
          .select('origin_id')
          .where('record_type', '=', 'entity')
          .where('local_id', '=', id)
          .executeTakeFirst();
        const entityChange: LocalChange = { caseId, record: 'entity', id, deleted: change.deleted };
        // A new entity goes whole, with its membership; a known one with the fields that changed.
        stamped.set(
          id,
          known || change.deleted
            ? await stampLocalChange(trx, app, entityChange)
            : await fullRecord(trx, app, entityChange),
        );
        if (!known && !change.deleted)
          add(caseId, await fullRecord(trx, app, { caseId, record: 'member', id }));
      }
      add(caseId, stamped.get(id) ?? null);
    }
  } else {
    const found = change.deleted ? await mappedCases(change.record) : await placed();
    const stamped = new Map<string, SyncRecord | null>();
    for (const { id, caseId } of found) {
      if (!stamped.has(id))
        stamped.set(
          id,
          await stampLocalChange(trx, app, { caseId, record: change.record, id, deleted: change.deleted }),
        );
      add(caseId, stamped.get(id) ?? null);
    }
  }
  if (byCase.size === 0) return;
  for (const [caseId, records] of byCase)
    for (const share of await activeShares(trx, caseId)) await sendSync(trx, app, share, records);
  kickSoon(app);
}
