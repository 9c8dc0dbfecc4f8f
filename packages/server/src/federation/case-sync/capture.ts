import { sql } from 'kysely';
import { type CaseChange, observeCaseChanges, observeGraphChanges } from '../case-hooks.ts';
import { fullRecord, stampLocalChange } from './local-record.ts';
import { activeShares, kickSoon, sendSync } from './outgoing.ts';
import type { Kind, SyncRecord } from './types.ts';

// Outgoing change capture: the hooks of the cases and graph services queue changes of shared cases.

observeCaseChanges(async (trx, app, change) => {
  const shares = await activeShares(trx, change.caseId);
  if (shares.length === 0) return;
  const record = await stampLocalChange(trx, app, change);
  if (!record) return;
  for (const share of shares) await sendSync(trx, app, share, [record]);
  kickSoon(app);
});

/**
 * Graph changes: entities, their membership and role in a case, links between entities of a case travel
 * with a case shared with scope `entities`, under the same rule (fields by last writer, records by id,
 * removal wins). A link travels when both its ends are in the shared case.
 */
observeGraphChanges(async (trx, app, change) => {
  const byCase = new Map<string, SyncRecord[]>();
  const add = (caseId: string, record: SyncRecord | null) => {
    if (record) byCase.set(caseId, [...(byCase.get(caseId) ?? []), record]);
  };
  const sharedCases = trx
    .selectFrom('case_shares')
    .select('case_id')
    .where('state', '=', 'active')
    .where(sql<boolean>`'entities' = any(scope)`);
  const mappedCases = (type: Kind) =>
    trx
      .selectFrom('mirrored_records')
      .select(['local_id as id', 'case_id'])
      .where('record_type', '=', type)
      .where('local_id', 'in', change.ids)
      .where('deleted_at', 'is', null)
      .where('case_id', 'in', sharedCases)
      .execute();
  if (change.record === 'member') {
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
  } else if (change.record === 'entity') {
    const placed = change.deleted
      ? await mappedCases('entity')
      : await trx
          .selectFrom('case_entities')
          .select(['entity_id as id', 'case_id'])
          .where('entity_id', 'in', change.ids)
          .where('case_id', 'in', sharedCases)
          .execute();
    const stamped = new Map<string, SyncRecord | null>();
    for (const { id, case_id } of placed) {
      if (!stamped.has(id)) {
        const known = await trx
          .selectFrom('mirrored_records')
          .select('origin_id')
          .where('record_type', '=', 'entity')
          .where('local_id', '=', id)
          .executeTakeFirst();
        const entityChange: CaseChange = { caseId: case_id, record: 'entity', id, deleted: change.deleted };
        // A new entity goes whole, with its membership; a known one with the fields that changed.
        stamped.set(
          id,
          known || change.deleted
            ? await stampLocalChange(trx, app, entityChange)
            : await fullRecord(trx, app, entityChange),
        );
        if (!known && !change.deleted)
          add(case_id, await fullRecord(trx, app, { caseId: case_id, record: 'member', id }));
      }
      add(case_id, stamped.get(id) ?? null);
    }
  } else {
    const placed = change.deleted
      ? await mappedCases('link')
      : await trx
          .selectFrom('links as l')
          .innerJoin('case_entities as a', 'a.entity_id', 'l.source_id')
          .innerJoin('case_entities as b', (j) =>
            j.onRef('b.entity_id', '=', 'l.target_id').onRef('b.case_id', '=', 'a.case_id'),
          )
          .select(['l.id', 'a.case_id'])
          .where('l.id', 'in', change.ids)
          .where('a.case_id', 'in', sharedCases)
          .execute();
    const stamped = new Map<string, SyncRecord | null>();
    for (const { id, case_id } of placed) {
      if (!stamped.has(id))
        stamped.set(
          id,
          await stampLocalChange(trx, app, { caseId: case_id, record: 'link', id, deleted: change.deleted }),
        );
      add(case_id, stamped.get(id) ?? null);
    }
  }
  if (byCase.size === 0) return;
  for (const [caseId, records] of byCase)
    for (const share of await activeShares(trx, caseId)) await sendSync(trx, app, share, records);
  kickSoon(app);
});
