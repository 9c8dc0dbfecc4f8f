import { authorize } from '@liaison/core';
import { nameKeysOf } from '@liaison/core/fugitives/identity';
import type { FugitiveName } from '@liaison/core/fugitives/schemas';
import { sql } from 'kysely';
import {
  columnsFromFields,
  fieldsFromRow,
  type SharedFields,
  type SharedRecordKind,
} from '../../changes/shared-record-kind.ts';
import type { Db } from '../../context.ts';
import { findVisibleFugitive, fugitiveNotFound } from '../fugitive-access.ts';

// A wanted person travels to the partner in a case shared with the `fugitives` part (the fugitives whose
// `linked_case_ids` hold the case) and as an exchange item, with the markings of the share or item and his own
// TLP and handling code. The arrest warrant and the Interpol notice (a Red Notice's reference) and the
// passport go where the sender's rules let them (`guards`: judged as criminal-record and travel-document data
// on the fugitive's nationality; KR-OUT-004, KH-OUT-001); the rest of the record is his identity as the
// partner needs it to find him. Links to this node's cases and entities, its flags and files stay here.

const columns = {
  reference: 'reference',
  agencyCode: 'agency_code',
  names: 'names',
  birthDate: 'birth_date',
  nationality: 'nationality',
  sex: 'sex',
  passportNumber: 'passport_number',
  passportDisplay: 'passport_display',
  passportStatus: 'passport_status',
  passportStatusOn: 'passport_status_on',
  warrant: 'warrant',
  interpol: 'interpol',
  dangerMarkers: 'danger_markers',
  crimeTypes: 'crime_types',
  description: 'description',
  status: 'status',
  statusChangedAt: 'status_changed_at',
  tlp: 'tlp',
  handlingCode: 'handling_code',
  handlingNote: 'handling_note',
  personEntityId: 'person_entity_id',
} as const;
export const fugitiveJsonColumns = new Set(['names', 'warrant', 'interpol', 'danger_markers']);
/** The passport's columns, together or not at all (a check of the table). */
const passportFields = ['passportNumber', 'passportDisplay', 'passportStatus', 'passportStatusOn'];

export async function readFugitiveWire(db: Db, id: string): Promise<SharedFields | null> {
  const row = await db
    .selectFrom('fugitives')
    .selectAll()
    .select([
      sql<string | null>`birth_date::text`.as('birth_date'),
      sql<string | null>`passport_status_on::text`.as('passport_status_on'),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fieldsFromRow(columns, row) : null;
}

/** The fugitive's own columns from the fields that won, JSON columns as JSON; the name keys derived as here. */
export function fugitiveColumns(fields: SharedFields): Record<string, unknown> {
  const cols = columnsFromFields(columns, fields, fugitiveJsonColumns);
  if (Array.isArray(fields.names)) cols.name_keys = nameKeysOf(fields.names as FugitiveName[]);
  return cols;
}

const nationalities = (fields: SharedFields) =>
  typeof fields.nationality === 'string' && /^[A-Z]{2}$/.test(fields.nationality)
    ? { subjectNationalities: [fields.nationality] }
    : {};

export const fugitiveRecord: SharedRecordKind = {
  kind: 'fugitive',
  scope: 'fugitives',
  // After the case header and its entities (the person he is may come with them).
  order: 10,
  fields: Object.keys(columns),
  createOnly: new Set(['reference', 'agencyCode', 'personEntityId']),
  guards: [
    {
      name: 'warrant and Interpol notice',
      fields: ['warrant', 'interpol'],
      item: (fields) => ({ kind: 'fugitive', categories: ['criminal_record'], ...nationalities(fields) }),
    },
    {
      name: 'passport',
      fields: passportFields,
      item: (fields) => ({ kind: 'fugitive', categories: ['travel_document'], ...nationalities(fields) }),
    },
  ],
  async readForExchange(ctx, actor, id) {
    authorize(actor, 'fugitives.read');
    // The register's need-to-know rule (fugitive-access.ts) decides, as for any read.
    const fields = (await findVisibleFugitive(ctx.app.db, actor, id))
      ? await readFugitiveWire(ctx.app.db, id)
      : null;
    if (!fields) throw fugitiveNotFound();
    return fields;
  },
  async listInCase(trx, caseId) {
    const rows = await trx
      .selectFrom('fugitives')
      .select('id')
      .where(sql<boolean>`${caseId}::uuid = any(linked_case_ids)`)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  },
  read: (trx, ref) => readFugitiveWire(trx, ref.id),
  // A wanted person is taken only with his names and nationality, as a record entered here must have them.
  accepts: (fields) =>
    Array.isArray(fields.names) && fields.names.length > 0 && typeof fields.nationality === 'string',
  async exists(trx, ref) {
    return Boolean(
      await trx.selectFrom('fugitives').select('id').where('id', '=', ref.id).executeTakeFirst(),
    );
  },
  async create(trx, app, peer, ref, fields) {
    const cols = fugitiveColumns(fields);
    const reference = String(cols.reference ?? '');
    const clash = await trx
      .selectFrom('fugitives')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    await dropClashingPassport(trx, cols);
    // The partner's person, if it came with the case's entities; otherwise none here.
    if (cols.person_entity_id) {
      const person = await trx
        .selectFrom('entities')
        .select('id')
        .where('id', '=', String(cols.person_entity_id))
        .executeTakeFirst();
      if (!person) cols.person_entity_id = null;
    }
    const now = app.now();
    await trx
      .insertInto('fugitives')
      .values({
        tlp: 'AMBER',
        handling_code: 'H1',
        status_changed_at: now,
        ...(cols as object),
        id: ref.id,
        reference: clash ? `${reference}@${peer.nodeName}` : reference,
        agency_code: String(cols.agency_code ?? peer.agencyCode),
        linked_case_ids: [ref.caseId],
        created_by: await peer.userId(),
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    const cols = fugitiveColumns(fields);
    if (passportFields.some((f) => f in fields)) await dropClashingPassport(trx, cols, ref.id);
    await trx
      .updateTable('fugitives')
      .set({
        ...cols,
        // The case it arrived in (a fugitive shared in two cases is placed in both).
        linked_case_ids: sql`case when ${ref.caseId}::uuid = any(linked_case_ids) then linked_case_ids
          else array_append(linked_case_ids, ${ref.caseId}::uuid) end`,
        updated_at: app.now(),
        version: sql`version + 1`,
      } as never)
      .where('id', '=', ref.id)
      .execute();
    return [];
  },
  async remove(trx, _app, ref) {
    await removeMirroredFugitive(trx, ref.id);
  },
  async placedIn(trx, ids, caseIds) {
    const rows = await trx
      .selectFrom('fugitives')
      .select(['id', 'linked_case_ids'])
      .where('id', 'in', ids)
      .execute();
    return rows.flatMap((r) =>
      (r.linked_case_ids as string[])
        .filter((c) => caseIds.includes(c))
        .map((caseId) => ({ id: r.id, caseId })),
    );
  },
};

/**
 * A passport number is one fugitive's here (a unique index): when a partner's record carries one this node
 * already holds for another fugitive, the partner's record keeps no passport (the two records are then
 * the same person seen by both agencies; the fugitive flag shows it), rather than the whole share failing.
 */
async function dropClashingPassport(trx: Db, cols: Record<string, unknown>, self?: string) {
  if (typeof cols.passport_number !== 'string') return;
  const holder = await trx
    .selectFrom('fugitives')
    .select('id')
    .where('passport_number', '=', cols.passport_number)
    .$if(self !== undefined, (q) => q.where('id', '<>', self!))
    .executeTakeFirst();
  if (holder)
    Object.assign(cols, {
      passport_number: null,
      passport_display: null,
      passport_status: null,
      passport_status_on: null,
    });
}

/**
 * A partner's fugitive removed there (or its mirror gone): removed here with its mirrored sightings, unless
 * this node's own work hangs on it (a step of its life cycle, a removal, a file: append-only or ours), in which
 * case it stays as it last was.
 */
export async function removeMirroredFugitive(trx: Db, id: string): Promise<boolean> {
  const held = await sql<{ held: boolean }>`select
      exists (select 1 from fugitive_steps where fugitive_id = ${id})
      or exists (select 1 from fugitive_files where fugitive_id = ${id})
      or exists (select 1 from removal_suspects where fugitive_id = ${id}) as held`.execute(trx);
  if (held.rows[0]?.held) return false;
  await trx.deleteFrom('fugitive_sightings').where('fugitive_id', '=', id).execute();
  await trx.deleteFrom('fugitives').where('id', '=', id).execute();
  return true;
}
