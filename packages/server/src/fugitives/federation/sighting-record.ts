import { authorize, LiaisonError } from '@liaison/core';
import { sql } from 'kysely';
import {
  columnsFromFields,
  fieldsFromRow,
  type SharedFields,
  type SharedRecordKind,
} from '../../changes/shared-record-kind.ts';
import type { Db } from '../../context.ts';
import { findVisibleFugitive } from '../fugitive-access.ts';

// A sighting travels with its fugitive (the `fugitives` part of a shared case; an exchange item) with when and
// where he was seen, what was seen, the verification and the 4x4 evaluation (source reliability A–X,
// information accuracy 1–4). Its source — what kind of source and who — is judged as intelligence-source
// data: every sender's rules keep it (KR-OUT-003, KH-OUT-003), and every receiver's refuse a record carrying
// it (KR-IN-009, KH-IN-008). On the partner's node a sighting without its source reads as from the partner
// agency, which is what it is there. Documents and who verified it (this node's accounts) stay here.

const columns = {
  fugitiveId: 'fugitive_id',
  seenAt: 'seen_at',
  province: 'province',
  placeText: 'place_text',
  lat: 'lat',
  lon: 'lon',
  source: 'source',
  sourceDetail: 'source_detail',
  reliability: 'reliability',
  accuracy: 'accuracy',
  description: 'description',
  verification: 'verification',
  verifiedAt: 'verified_at',
  verificationNote: 'verification_note',
} as const;

const reliabilities = new Set(['A', 'B', 'C', 'X']);
const accuracies = new Set(['1', '2', '3', '4']);

async function readWire(db: Db, id: string): Promise<SharedFields | null> {
  const row = await db.selectFrom('fugitive_sightings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fieldsFromRow(columns, row) : null;
}

export const sightingRecord: SharedRecordKind = {
  kind: 'sighting',
  scope: 'fugitives',
  // After its fugitive.
  order: 11,
  fields: Object.keys(columns),
  createOnly: new Set(['fugitiveId']),
  guards: [
    {
      name: 'source',
      fields: ['source', 'sourceDetail'],
      item: () => ({ kind: 'sighting', categories: ['intelligence_source'] }),
    },
  ],
  async readForExchange(ctx, actor, id) {
    authorize(actor, 'fugitives.read');
    const fields = await readWire(ctx.app.db, id);
    // Seen by whoever may see its fugitive (fugitive-access.ts).
    const fugitive = fields ? await findVisibleFugitive(ctx.app.db, actor, String(fields.fugitiveId)) : null;
    if (!fields || !fugitive) throw new LiaisonError('not-found', 'No such sighting.');
    return fields;
  },
  async listInCase(trx, caseId) {
    const rows = await trx
      .selectFrom('fugitive_sightings as s')
      .innerJoin('fugitives as f', 'f.id', 's.fugitive_id')
      .select('s.id')
      .where(sql<boolean>`${caseId}::uuid = any(f.linked_case_ids)`)
      .orderBy('s.seen_at')
      .execute();
    return rows.map((r) => r.id);
  },
  read: (trx, ref) => readWire(trx, ref.id),
  // Taken with a time, a description and a valid evaluation, as a sighting recorded here.
  accepts: (fields) =>
    typeof fields.fugitiveId === 'string' &&
    typeof fields.seenAt === 'string' &&
    typeof fields.description === 'string' &&
    reliabilities.has(String(fields.reliability)) &&
    accuracies.has(String(fields.accuracy)),
  async exists(trx, ref) {
    return Boolean(
      await trx.selectFrom('fugitive_sightings').select('id').where('id', '=', ref.id).executeTakeFirst(),
    );
  },
  async create(trx, app, peer, ref, fields) {
    const cols = columnsFromFields(columns, fields);
    const fugitive = await trx
      .selectFrom('fugitives')
      .select('id')
      .where('id', '=', String(cols.fugitive_id))
      .executeTakeFirst();
    // A sighting of a fugitive that did not come (the partner's rules kept him) has nothing to belong to.
    if (!fugitive) {
      app.log.warn({ peer: peer.nodeName, id: ref.id }, 'sighting of an unknown fugitive skipped');
      return [];
    }
    await trx
      .insertInto('fugitive_sightings')
      .values({
        ...(cols as object),
        source: typeof cols.source === 'string' ? cols.source : 'partner_agency',
        id: ref.id,
        recorded_by: await peer.userId(),
        recorded_at: app.now(),
      } as never)
      .execute();
    return [];
  },
  async update(trx, _app, _peer, ref, fields) {
    await trx
      .updateTable('fugitive_sightings')
      .set(columnsFromFields(columns, fields) as never)
      .where('id', '=', ref.id)
      .execute();
    return [];
  },
  async remove(trx, _app, ref) {
    // A sighting a step of the life cycle cites stays (the history is append-only).
    await trx
      .deleteFrom('fugitive_sightings')
      .where('id', '=', ref.id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('fugitive_steps')
              .select('id')
              .whereRef('sighting_id', '=', 'fugitive_sightings.id'),
          ),
        ),
      )
      .execute();
  },
  async placedIn(trx, ids, caseIds) {
    const rows = await trx
      .selectFrom('fugitive_sightings as s')
      .innerJoin('fugitives as f', 'f.id', 's.fugitive_id')
      .select(['s.id', 'f.linked_case_ids'])
      .where('s.id', 'in', ids)
      .execute();
    return rows.flatMap((r) =>
      (r.linked_case_ids as string[])
        .filter((c) => caseIds.includes(c))
        .map((caseId) => ({ id: r.id, caseId })),
    );
  },
};
