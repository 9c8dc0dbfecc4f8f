import { sql } from 'kysely';
import type { AppContext, Tx } from '../../context.ts';
import type { CaseChange } from '../case-hooks.ts';
import { hlcTick } from '../hlc.ts';
import { columns, memberId, tables } from './record-schema.ts';
import type { Kind, Stamped, SyncRecord } from './types.ts';

// A local record as it is shared: its fields, stamped where they changed since last shared.

export function norm(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The shared fields of a local record, or null when it no longer exists. */
export async function readFields(
  trx: Tx,
  kind: Kind,
  id: string,
  caseId?: string,
): Promise<Record<string, unknown> | null> {
  const row = (
    kind === 'member'
      ? await trx
          .selectFrom('case_entities')
          .selectAll()
          .where('case_id', '=', caseId ?? '')
          .where('entity_id', '=', id)
          .executeTakeFirst()
      : await trx
          .selectFrom(tables[kind] as 'cases')
          .selectAll()
          .$if(kind === 'task', (q) => q.select(sql<string | null>`due_date::text`.as('due_date')))
          .$if(kind === 'link', (q) =>
            q.select([
              sql<string | null>`valid_from::text`.as('valid_from'),
              sql<string | null>`valid_to::text`.as('valid_to'),
            ]),
          )
          .where('id', '=', id)
          .executeTakeFirst()
  ) as Record<string, unknown> | undefined;
  if (!row) return null;
  // A bigint column reads as a string; it travels as a number.
  if (kind === 'attachment') row.size_bytes = Number(row.size_bytes);
  return Object.fromEntries(Object.entries(columns[kind]).map(([f, c]) => [f, norm(row[c])]));
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A local change: stamps the fields that differ from what was last shared; null when nothing differs. */
export async function stampLocalChange(
  trx: Tx,
  app: AppContext,
  change: CaseChange,
): Promise<SyncRecord | null> {
  const localId = change.record === 'member' ? memberId(change.caseId, change.id) : change.id;
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
  const current = change.deleted ? null : await readFields(trx, change.record, change.id, change.caseId);
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
export async function fullRecord(trx: Tx, app: AppContext, change: CaseChange): Promise<SyncRecord | null> {
  await stampLocalChange(trx, app, change);
  const localId = change.record === 'member' ? memberId(change.caseId, change.id) : change.id;
  const m = await trx
    .selectFrom('mirrored_records')
    .selectAll()
    .where('record_type', '=', change.record)
    .where('local_id', '=', localId)
    .executeTakeFirst();
  if (!m || m.deleted_at) return null;
  return { type: change.record as Kind, originNode: m.origin_node, originId: m.origin_id, fields: m.fields };
}
