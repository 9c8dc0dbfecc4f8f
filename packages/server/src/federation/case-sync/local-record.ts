import type { SharedRecordKind } from '../../changes/shared-record-kind.ts';
import type { AppContext, Tx } from '../../context.ts';
import { hlcTick } from '../hlc.ts';
import type { Kind, Stamped, SyncRecord } from './types.ts';

// A local record as it is shared: its fields, stamped where they changed since last shared.

/** A local record that changed: its kind, its id (for a membership, the entity's) and its case. */
export interface LocalChange {
  caseId: string;
  record: Kind;
  id: string;
  deleted?: boolean;
}

/** The node's record kind of this name (the owners' implementations, changes/shared-record-kind.ts). */
export function recordKind(app: AppContext, kind: Kind): SharedRecordKind {
  const found = app.sharedRecords.kind(kind);
  if (!found) throw new Error(`no record kind ${kind} on this node`);
  return found;
}

/** The id a local record is mapped under (`mirrored_records.local_id`). */
export function mappedId(kind: SharedRecordKind, caseId: string, id: string): string {
  return kind.mappingId?.({ id, caseId }) ?? id;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A local change: stamps the fields that differ from what was last shared; null when nothing differs. */
export async function stampLocalChange(
  trx: Tx,
  app: AppContext,
  change: LocalChange,
): Promise<SyncRecord | null> {
  const kind = recordKind(app, change.record);
  const localId = mappedId(kind, change.caseId, change.id);
  const mapping = await trx
    .selectFrom('mirrored_records')
    .selectAll()
    .where('record_type', '=', change.record)
    .where('local_id', '=', localId)
    .executeTakeFirst();
  if (mapping?.deleted_at) return null;
  const originNode = mapping?.origin_node ?? app.config.nodeName;
  const originId = mapping?.origin_id ?? localId;
  const known: Stamped = { ...(mapping?.fields ?? {}) };
  const current = change.deleted ? null : await kind.read(trx, { id: change.id, caseId: change.caseId });
  const record: SyncRecord = { type: change.record, originNode, originId, fields: {} };
  if (!current) record.deleted = hlcTick(app);
  else
    for (const [field, value] of Object.entries(current)) {
      if (known[field] && same(known[field].v, value)) continue;
      known[field] = { v: value, t: hlcTick(app) };
      record.fields[field] = known[field];
    }
  if (!record.deleted && Object.keys(record.fields).length === 0) return null;
  await trx
    .insertInto('mirrored_records')
    .values({
      origin_node: originNode,
      origin_id: originId,
      record_type: change.record,
      local_id: localId,
      case_id: mapping?.case_id ?? change.caseId,
      fields: JSON.stringify(known),
      deleted_at: record.deleted ?? null,
      updated_at: app.now(),
    })
    .onConflict((oc) =>
      oc.columns(['origin_node', 'origin_id']).doUpdateSet({
        fields: JSON.stringify(known),
        deleted_at: record.deleted ?? null,
        updated_at: app.now(),
      }),
    )
    .execute();
  return record;
}

/** A record with every shared field and its stamp (stamping what changed first), or null when gone. */
export async function fullRecord(trx: Tx, app: AppContext, change: LocalChange): Promise<SyncRecord | null> {
  await stampLocalChange(trx, app, change);
  const localId = mappedId(recordKind(app, change.record), change.caseId, change.id);
  const m = await trx
    .selectFrom('mirrored_records')
    .selectAll()
    .where('record_type', '=', change.record)
    .where('local_id', '=', localId)
    .executeTakeFirst();
  if (!m || m.deleted_at) return null;
  return { type: change.record, originNode: m.origin_node, originId: m.origin_id, fields: m.fields };
}

/**
 * The full snapshot of a case for a new share: the case header, then each part the scope carries in merge
 * order (the owners list them), with their current stamps (a record never shared before gets them now).
 */
export async function snapshotRecords(
  trx: Tx,
  app: AppContext,
  caseId: string,
  scope: readonly string[],
): Promise<SyncRecord[]> {
  const records: SyncRecord[] = [];
  for (const kind of snapshotKinds(app, scope))
    for (const id of await kind.listInCase(trx, caseId)) {
      const record = await fullRecord(trx, app, { caseId, record: kind.kind, id });
      if (record) records.push(record);
    }
  return records;
}

function snapshotKinds(app: AppContext, scope: readonly string[]): SharedRecordKind[] {
  return app.sharedRecords.kinds().filter((k) => k.scope === null || scope.includes(k.scope));
}
