import type { SharedFields } from '../../changes/shared-record-kind.ts';
import type { AppContext, Tx } from '../../context.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { hlcObserve } from '../hlc.ts';
import type { PeerRow } from '../outbox.ts';
import { mappedId } from './local-record.ts';
import { peerSource } from './local-writes.ts';
import type { Stamped, SyncRecord } from './types.ts';

// The merge rule: fields by last writer (HLC, node name), records by id, tombstones win. The records
// themselves are read and written by their owners (the node's record kinds, changes/shared-record-kind.ts).

const valuesOf = (fields: Stamped | undefined): SharedFields =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([f, s]) => [f, s.v]));

/**
 * Merges a peer's records: per field, the higher stamp wins (last writer by hybrid logical clock, then node
 * name); a tombstone removes the record and outlives any later edit of it. Returns what changed here.
 */
export async function mergeRecords(
  trx: Tx,
  app: AppContext,
  peer: PeerRow,
  caseId: string,
  records: SyncRecord[],
  events: LiveEvent[],
) {
  const changed: SyncRecord[] = [];
  const source = peerSource(trx, app, peer);
  const kinds = app.sharedRecords;
  // Parents first: the case header, so parts of a new mirror find their case; entities before links.
  const ordered = [...records]
    .filter((r) => kinds.kind(r.type))
    .sort((a, b) => kinds.kind(a.type)!.order - kinds.kind(b.type)!.order);
  for (const rec of ordered) {
    const kind = kinds.kind(rec.type);
    if (!kind || typeof rec.originId !== 'string') continue;
    for (const s of Object.values(rec.fields ?? {})) hlcObserve(app, s.t);
    if (rec.deleted) hlcObserve(app, rec.deleted);
    const mapping = await trx
      .selectFrom('mirrored_records')
      .selectAll()
      .where('origin_node', '=', rec.originNode)
      .where('origin_id', '=', rec.originId)
      .executeTakeFirst();
    if (mapping?.deleted_at) continue;
    const merged: Stamped = { ...(mapping?.fields ?? {}) };
    // The local record: by a field for a kind addressed so (a membership, by its entity), else by id.
    const ref = kind.refFromFields
      ? kind.refFromFields(caseId, { ...valuesOf(rec.fields), ...valuesOf(merged) })
      : { id: mapping?.local_id ?? rec.originId, caseId };
    if (!ref) continue;
    const localId = mapping?.local_id ?? mappedId(kind, caseId, ref.id);
    const wins: Record<string, unknown> = {};
    if (!rec.deleted)
      for (const [field, s] of Object.entries(rec.fields ?? {})) {
        if (!kind.fields.includes(field)) continue;
        if (merged[field] && merged[field].t >= s.t) continue;
        merged[field] = s;
        wins[field] = s.v;
      }
    // Fields set once, at creation, are not changed by a later edit.
    const updates = Object.fromEntries(Object.entries(wins).filter(([f]) => !kind.createOnly.has(f)));
    if (rec.deleted) {
      if (!kind.remove) continue; // a case goes only by retraction
      await kind.remove(trx, app, ref);
    } else if (!mapping) {
      const values = valuesOf(merged);
      if (kind.accepts && !kind.accepts(values)) {
        app.log.warn(
          { peer: peer.node_name, id: rec.originId },
          `${rec.type} record with invalid metadata skipped`,
        );
        continue;
      }
      if (!(await kind.exists(trx, ref))) events.push(...(await kind.create(trx, app, source, ref, values)));
      else if (Object.keys(updates).length > 0)
        events.push(...(await kind.update(trx, app, source, ref, updates)));
    } else if (Object.keys(wins).length === 0) continue;
    else if (Object.keys(updates).length > 0)
      events.push(...(await kind.update(trx, app, source, ref, updates)));
    await trx
      .insertInto('mirrored_records')
      .values({
        origin_node: rec.originNode,
        origin_id: rec.originId,
        record_type: rec.type,
        local_id: localId,
        case_id: caseId,
        fields: JSON.stringify(merged),
        deleted_at: rec.deleted ?? null,
        updated_at: app.now(),
      })
      .onConflict((oc) =>
        oc.columns(['origin_node', 'origin_id']).doUpdateSet({
          fields: JSON.stringify(merged),
          deleted_at: rec.deleted ?? null,
          updated_at: app.now(),
        }),
      )
      .execute();
    changed.push(
      rec.deleted
        ? rec
        : { ...rec, fields: Object.fromEntries(Object.keys(wins).map((f) => [f, merged[f]!])) },
    );
  }
  if (changed.length > 0) {
    const merged = new Set(ordered.map((r) => r.type));
    for (const kind of kinds.kinds()) await kind.afterMerge?.(trx, app, caseId, merged);
  }
  return changed;
}
