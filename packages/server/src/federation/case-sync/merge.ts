import { AttachmentInput } from '@liaison/core/cases/index';
import { queueBlobRelease } from '../../cases/attachment-blobs.ts';
import type { AppContext, Tx } from '../../context.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { dropEntities, dropLinks, indexPeerEntity } from '../graph-index.ts';
import { hlcObserve } from '../hlc.ts';
import type { PeerRow } from '../outbox.ts';
import { createLocal, updateLocal } from './local-writes.ts';
import { peerActor } from './peer-account.ts';
import { columns, memberId, order, tables } from './record-schema.ts';
import type { Stamped, SyncRecord } from './types.ts';

// The merge rule: fields by last writer (HLC, node name), records by id, tombstones win.

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
  // Parents first: the case header, so parts of a new mirror find their case; entities before links.
  const ordered = [...records].filter((r) => r.type in columns).sort((a, b) => order[a.type] - order[b.type]);
  for (const rec of ordered) {
    if (!(rec.type in columns) || typeof rec.originId !== 'string') continue;
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
    const memberEntity = String(merged.entityId?.v ?? rec.fields?.entityId?.v ?? '');
    if (rec.type === 'member' && !memberEntity) continue;
    const localId =
      mapping?.local_id ?? (rec.type === 'member' ? memberId(caseId, memberEntity) : rec.originId);
    // A membership is addressed by its case and entity.
    const rowId = rec.type === 'member' ? `${caseId}/${memberEntity}` : localId;
    const wins: Record<string, unknown> = {};
    if (!rec.deleted)
      for (const [field, s] of Object.entries(rec.fields ?? {})) {
        if (!(field in columns[rec.type])) continue;
        if (merged[field] && merged[field].t >= s.t) continue;
        merged[field] = s;
        wins[field] = s.v;
      }
    if (rec.deleted) {
      if (rec.type === 'case') continue; // a case goes only by retraction
      if (rec.type === 'entity') await dropEntities(trx, [localId]);
      else if (rec.type === 'link') await dropLinks(trx, [localId]);
      else if (rec.type === 'attachment') {
        const gone = await trx
          .deleteFrom('case_attachments')
          .where('id', '=', localId)
          .returning('sha256')
          .executeTakeFirst();
        if (gone) await queueBlobRelease(trx, app, [gone.sha256]);
      } else if (rec.type === 'member')
        await trx
          .deleteFrom('case_entities')
          .where('case_id', '=', caseId)
          .where('entity_id', '=', memberEntity)
          .execute();
      else
        await trx
          .deleteFrom(tables[rec.type] as 'case_tasks')
          .where('id', '=', localId)
          .execute();
    } else if (!mapping) {
      // An attachment is taken only with valid metadata (the same rules as an upload here).
      if (rec.type === 'attachment' && !validAttachment(merged)) {
        app.log.warn(
          { peer: peer.node_name, id: rec.originId },
          'attachment record with invalid metadata skipped',
        );
        continue;
      }
      const exists =
        rec.type === 'member'
          ? await trx
              .selectFrom('case_entities')
              .select('entity_id as id')
              .where('case_id', '=', caseId)
              .where('entity_id', '=', memberEntity)
              .executeTakeFirst()
          : await trx
              .selectFrom(tables[rec.type] as 'cases')
              .select('id')
              .where('id', '=', localId)
              .executeTakeFirst();
      if (exists) await updateLocal(trx, app, peer, rec.type, rowId, wins);
      else
        await createLocal(
          trx,
          app,
          peer,
          rec.type,
          localId,
          caseId,
          Object.fromEntries(Object.entries(merged).map(([f, s]) => [f, s.v])),
        );
    } else if (Object.keys(wins).length === 0) continue;
    else await updateLocal(trx, app, peer, rec.type, rowId, wins);
    // Entities from a peer are indexed for correlation here like any others (identifiers → hits).
    if (rec.type === 'entity' && !rec.deleted && 'properties' in wins)
      events.push(...(await indexPeerEntity(trx, app, await peerActor(trx, peer), localId, caseId)));
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
  if (changed.length > 0 && ordered.some((r) => r.type !== 'case'))
    await trx.updateTable('cases').set({ updated_at: app.now() }).where('id', '=', caseId).execute();
  return changed;
}

function validAttachment(fields: Stamped): boolean {
  return AttachmentInput.safeParse({
    filename: fields.filename?.v,
    mediaType: fields.mediaType?.v,
    sizeBytes: fields.sizeBytes?.v,
    sha256: fields.sha256?.v,
  }).success;
}
