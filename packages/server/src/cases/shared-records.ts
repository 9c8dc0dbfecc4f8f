import { AttachmentInput, type NoteFormat } from '@liaison/core/cases/index';
import { sql } from 'kysely';
import {
  columnsFromFields,
  fieldsFromRow,
  type RecordPurge,
  type SharedFields,
  type SharedRecordKind,
} from '../changes/shared-record-kind.ts';
import type { AppContext, Db, Tx } from '../context.ts';
import { fileStoreOf } from '../files/file-store-config.ts';
import { lockBlob, queueBlobRelease } from './attachment-blobs.ts';
import { sanitiseNoteBody } from './note-sanitiser.ts';

// The cases feature's record kinds that travel in a shared case (case header, task, note, attachment), and
// its purge of a removed mirror. Federation's case sync keeps stamps and merges; these read and write the rows.

type PartTable = 'case_tasks' | 'case_notes' | 'case_attachments';

/** Wire field → column of each kind. `number` and `leadAgency` travel but are set once, at creation. */
const caseColumns = {
  number: 'number',
  leadAgency: 'lead_agency',
  title: 'title',
  summary: 'summary',
  language: 'language',
  crimeTypes: 'crime_types',
  priority: 'priority',
  status: 'status',
  closeReason: 'close_reason',
  tlp: 'tlp',
  handlingCode: 'handling_code',
  handlingNote: 'handling_note',
} as const;
const taskColumns = {
  title: 'title',
  description: 'description',
  dueDate: 'due_date',
  status: 'status',
  completedAt: 'completed_at',
} as const;
const noteColumns = { body: 'body', format: 'format', language: 'language' } as const;
// An attachment's metadata; its content is pulled by the receiving node (federation/attachment-files/).
const attachmentColumns = {
  filename: 'filename',
  mediaType: 'media_type',
  sizeBytes: 'size_bytes',
  sha256: 'sha256',
} as const;

/** A version bump and the time, as every local edit of a case or one of its parts makes. */
async function updateRow(
  trx: Tx,
  app: AppContext,
  table: 'cases' | PartTable,
  id: string,
  cols: Record<string, unknown>,
) {
  return (await trx
    .updateTable(table as 'cases')
    .set({ ...cols, updated_at: app.now(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()) as Record<string, unknown> | undefined;
}

async function rowExists(trx: Tx, table: 'cases' | PartTable, id: string) {
  return Boolean(
    await trx
      .selectFrom(table as 'cases')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst(),
  );
}

async function partIds(trx: Tx, table: PartTable, caseId: string, orderBy?: 'uploaded_at') {
  const rows = await trx
    .selectFrom(table as 'case_tasks')
    .select('id')
    .where('case_id', '=', caseId)
    .$if(orderBy !== undefined, (q) => q.orderBy(orderBy as never))
    .execute();
  return rows.map((r) => r.id);
}

export const caseRecord: SharedRecordKind = {
  kind: 'case',
  scope: null,
  order: 0,
  fields: Object.keys(caseColumns),
  createOnly: new Set(['number', 'leadAgency']),
  listInCase: async (_trx, caseId) => [caseId],
  async read(trx, ref) {
    const row = await trx.selectFrom('cases').selectAll().where('id', '=', ref.id).executeTakeFirst();
    return row ? fieldsFromRow(caseColumns, row) : null;
  },
  exists: (trx, ref) => rowExists(trx, 'cases', ref.id),
  async create(trx, app, peer, ref, fields) {
    const cols = columnsFromFields(caseColumns, fields);
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', app.config.nodeAgency)
      .executeTakeFirstOrThrow();
    const clash = await trx
      .selectFrom('cases')
      .select('id')
      .where('number', '=', String(cols.number))
      .executeTakeFirst();
    const by = await peer.userId();
    const now = app.now();
    await trx
      .insertInto('cases')
      .values({
        ...(cols as object),
        id: ref.id,
        number: clash ? `${cols.number}@${peer.nodeName}` : String(cols.number),
        owner_agency_id: agency.id,
        lead_agency: String(cols.lead_agency ?? peer.agencyCode),
        title: String(cols.title ?? ''),
        language: String(cols.language ?? 'en'),
        crime_types: (cols.crime_types as string[]) ?? [],
        tlp: String(cols.tlp ?? 'AMBER'),
        handling_code: String(cols.handling_code ?? 'H1'),
        created_by: by,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    await updateRow(trx, app, 'cases', ref.id, columnsFromFields(caseColumns, fields));
    return [];
  },
  // No `remove`: a case goes only by retraction (the mirror's purge below).
  async afterMerge(trx, app, caseId, kinds) {
    // A part of the case changed: the case was updated.
    if ([...kinds].some((k) => k !== 'case'))
      await trx.updateTable('cases').set({ updated_at: app.now() }).where('id', '=', caseId).execute();
  },
};

export const taskRecord: SharedRecordKind = {
  kind: 'task',
  scope: 'tasks',
  order: 4,
  fields: Object.keys(taskColumns),
  createOnly: new Set(),
  listInCase: (trx, caseId) => partIds(trx, 'case_tasks', caseId),
  async read(trx, ref) {
    const row = await trx
      .selectFrom('case_tasks')
      .selectAll()
      .select(sql<string | null>`due_date::text`.as('due_date'))
      .where('id', '=', ref.id)
      .executeTakeFirst();
    return row ? fieldsFromRow(taskColumns, row) : null;
  },
  exists: (trx, ref) => rowExists(trx, 'case_tasks', ref.id),
  async create(trx, app, peer, ref, fields) {
    const now = app.now();
    await trx
      .insertInto('case_tasks')
      .values({
        title: '',
        ...(columnsFromFields(taskColumns, fields) as object),
        id: ref.id,
        case_id: ref.caseId,
        created_by: await peer.userId(),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    await updateRow(trx, app, 'case_tasks', ref.id, columnsFromFields(taskColumns, fields));
    return [];
  },
  async remove(trx, _app, ref) {
    await trx.deleteFrom('case_tasks').where('id', '=', ref.id).execute();
  },
};

/** A note's columns from the fields that won; the body is sanitised as a local edit's is. */
function noteCols(fields: SharedFields) {
  const cols = columnsFromFields(noteColumns, fields);
  if ('body' in fields)
    cols.body = sanitiseNoteBody(String(fields.body), (fields.format ?? 'plain') as NoteFormat) || '—';
  return cols;
}

async function noteRevision(trx: Tx, app: AppContext, note: Record<string, unknown>, by: string) {
  await trx
    .insertInto('case_note_revisions')
    .values({
      note_id: String(note.id),
      version: Number(note.version),
      body: String(note.body),
      format: String(note.format),
      language: String(note.language),
      edited_by: by,
      edited_at: app.now(),
    })
    .execute();
}

export const noteRecord: SharedRecordKind = {
  kind: 'note',
  scope: 'notes',
  order: 5,
  fields: Object.keys(noteColumns),
  createOnly: new Set(),
  listInCase: (trx, caseId) => partIds(trx, 'case_notes', caseId),
  async read(trx, ref) {
    const row = await trx.selectFrom('case_notes').selectAll().where('id', '=', ref.id).executeTakeFirst();
    return row ? fieldsFromRow(noteColumns, row) : null;
  },
  exists: (trx, ref) => rowExists(trx, 'case_notes', ref.id),
  async create(trx, app, peer, ref, fields) {
    const by = await peer.userId();
    const now = app.now();
    const note = await trx
      .insertInto('case_notes')
      .values({
        body: '—',
        format: 'plain',
        language: 'en',
        ...(noteCols(fields) as object),
        id: ref.id,
        case_id: ref.caseId,
        author_id: by,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await noteRevision(trx, app, note, by);
    return [];
  },
  async update(trx, app, peer, ref, fields) {
    const note = await updateRow(trx, app, 'case_notes', ref.id, noteCols(fields));
    if (note) await noteRevision(trx, app, note, await peer.userId());
    return [];
  },
  async remove(trx, _app, ref) {
    await trx.deleteFrom('case_notes').where('id', '=', ref.id).execute();
  },
};

export const attachmentRecord: SharedRecordKind = {
  kind: 'attachment',
  scope: 'attachments',
  order: 6,
  fields: Object.keys(attachmentColumns),
  // Attachments are immutable: content-addressed, no rename.
  createOnly: new Set(Object.keys(attachmentColumns)),
  listInCase: (trx, caseId) => partIds(trx, 'case_attachments', caseId, 'uploaded_at'),
  async read(trx, ref) {
    const row = await trx
      .selectFrom('case_attachments')
      .selectAll()
      .where('id', '=', ref.id)
      .executeTakeFirst();
    // A bigint column reads as a string; it travels as a number.
    return row ? fieldsFromRow(attachmentColumns, { ...row, size_bytes: Number(row.size_bytes) }) : null;
  },
  // Taken only with valid metadata (the same rules as an upload here).
  accepts: (fields) =>
    AttachmentInput.safeParse({
      filename: fields.filename,
      mediaType: fields.mediaType,
      sizeBytes: fields.sizeBytes,
      sha256: fields.sha256,
    }).success,
  exists: (trx, ref) => rowExists(trx, 'case_attachments', ref.id),
  async create(trx, app, peer, ref, fields) {
    const cols = columnsFromFields(attachmentColumns, fields);
    const sha256 = String(cols.sha256);
    await trx
      .insertInto('case_attachments')
      .values({
        ...(cols as object),
        id: ref.id,
        case_id: ref.caseId,
        uploaded_by: await peer.userId(),
        uploaded_at: app.now(),
      } as never)
      .execute();
    // The content is pulled from the peer (federation's fetch job) unless it is here already; until then the
    // attachment is `pending`. The blob's lock keeps a release from deleting it now.
    await lockBlob(trx, sha256);
    if (!(await fileStoreOf(app).has(sha256)))
      await peer.fetchContent(trx, { recordId: ref.id, sha256, sizeBytes: Number(cols.size_bytes) });
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    await updateRow(trx, app, 'case_attachments', ref.id, columnsFromFields(attachmentColumns, fields));
    return [];
  },
  async remove(trx, app, ref) {
    const gone = await trx
      .deleteFrom('case_attachments')
      .where('id', '=', ref.id)
      .returning('sha256')
      .executeTakeFirst();
    if (gone) await queueBlobRelease(trx, app, [gone.sha256]);
  },
};

export const caseRecordKinds: readonly SharedRecordKind[] = [
  caseRecord,
  taskRecord,
  noteRecord,
  attachmentRecord,
];

/** A removed mirror: its attachments (their blobs unless another record uses them), then the case itself. */
export const casesPurge: RecordPurge = {
  owner: 'cases',
  async purgeCase(trx, app, caseId) {
    const attachments = await trx
      .deleteFrom('case_attachments')
      .where('case_id', '=', caseId)
      .returning('sha256')
      .execute();
    await queueBlobRelease(
      trx,
      app,
      attachments.map((a) => a.sha256),
    );
    await trx.deleteFrom('cases').where('id', '=', caseId).execute();
  },
};

/** Attachments by id with their case and media type (federation's content fetches report and type them). */
export async function attachmentsById(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; caseId: string; mediaType: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('case_attachments')
    .select(['id', 'case_id as caseId', 'media_type as mediaType'])
    .where('id', 'in', ids)
    .execute();
}

/** The attachments whose content is the blob `sha256` (a blob may serve several cases), with their cases. */
export async function attachmentsOfBlob(
  db: Db,
  sha256: string,
): Promise<{ id: string; caseId: string; sizeBytes: number }[]> {
  const rows = await db
    .selectFrom('case_attachments')
    .select(['id', 'case_id', 'size_bytes'])
    .where('sha256', '=', sha256)
    .execute();
  return rows.map((row) => ({ id: row.id, caseId: row.case_id, sizeBytes: Number(row.size_bytes) }));
}
