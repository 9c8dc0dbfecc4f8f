import { sql } from 'kysely';
import { lockBlob } from '../../cases/attachment-blobs.ts';
import { sanitiseNoteBody } from '../../cases/note-sanitiser.ts';
import type { AppContext, Tx } from '../../context.ts';
import { fileStoreOf } from '../../files/file-store-config.ts';
import type { PeerRow } from '../outbox.ts';
import { peerUser } from './peer-account.ts';
import { columns, createOnly, jsonColumns, tables } from './record-schema.ts';
import type { Kind } from './types.ts';

// Applying each record kind locally: creating a record a peer made, or updating the fields that won.

export function toColumns(kind: Kind, values: Record<string, unknown>, createOnlyToo: boolean) {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const column = columns[kind][field];
    if (!column || (!createOnlyToo && createOnly.has(field))) continue;
    out[column] =
      kind === 'note' && field === 'body'
        ? sanitiseNoteBody(String(value), (values.format ?? 'plain') as never) || '—'
        : jsonColumns.has(column) && value !== null && value !== undefined
          ? JSON.stringify(value)
          : value;
  }
  return out;
}

/** Inserts a record the peer made (same id as at its origin; the mapping says so). */
export async function createLocal(
  trx: Tx,
  app: AppContext,
  peer: PeerRow,
  kind: Kind,
  id: string,
  caseId: string,
  values: Record<string, unknown>,
) {
  const by = await peerUser(trx, peer);
  const now = app.now();
  const cols = toColumns(kind, values, true);
  if (kind === 'entity' || kind === 'link') {
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', peer.agency_code)
      .executeTakeFirstOrThrow();
    const common = { id, owner_agency_id: agency.id, created_by: by, created_at: now, updated_at: now };
    if (kind === 'entity')
      await trx
        .insertInto('entities')
        .values({ properties: '{}', caption: '', ...(cols as object), ...common } as never)
        .execute();
    else
      await trx
        .insertInto('links')
        .values({ properties: '{}', ...(cols as object), ...common } as never)
        .execute();
  } else if (kind === 'member') {
    await trx
      .insertInto('case_entities')
      .values({
        role_history: '[]',
        ...(cols as object),
        case_id: caseId,
        added_by: by,
        added_at: now,
      } as never)
      .execute();
  } else if (kind === 'case') {
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
    await trx
      .insertInto('cases')
      .values({
        ...(cols as object),
        id,
        number: clash ? `${cols.number}@${peer.node_name}` : String(cols.number),
        owner_agency_id: agency.id,
        lead_agency: String(cols.lead_agency ?? peer.agency_code),
        title: String(cols.title ?? ''),
        language: String(cols.language ?? 'en'),
        crime_types: (cols.crime_types as string[]) ?? [],
        tlp: String(cols.tlp ?? 'AMBER'),
        handling_code: String(cols.handling_code ?? 'H1'),
        created_by: by,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
  } else if (kind === 'attachment') {
    const sha256 = String(cols.sha256);
    await trx
      .insertInto('case_attachments')
      .values({
        ...(cols as object),
        id,
        case_id: caseId,
        uploaded_by: by,
        uploaded_at: now,
      } as never)
      .execute();
    // The content is pulled from the peer by the fetch job (../attachment-files.ts) unless it is here
    // already; until then the attachment is `pending`. The blob's lock keeps a release from deleting it now.
    await lockBlob(trx, sha256);
    if (!(await fileStoreOf(app).has(sha256)))
      await trx
        .insertInto('attachment_fetches')
        .values({
          attachment_id: id,
          peer_id: peer.id,
          sha256,
          size_bytes: Number(cols.size_bytes),
          next_attempt_at: now,
          created_at: now,
        })
        .execute();
  } else if (kind === 'task') {
    await trx
      .insertInto('case_tasks')
      .values({
        title: '',
        ...(cols as object),
        id,
        case_id: caseId,
        created_by: by,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
  } else {
    const note = await trx
      .insertInto('case_notes')
      .values({
        body: '—',
        format: 'plain',
        language: 'en',
        ...(cols as object),
        id,
        case_id: caseId,
        author_id: by,
        created_at: now,
        updated_at: now,
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_note_revisions')
      .values({
        note_id: id,
        version: note.version,
        body: note.body,
        format: note.format,
        language: note.language,
        edited_by: by,
        edited_at: now,
      })
      .execute();
  }
}

export async function updateLocal(
  trx: Tx,
  app: AppContext,
  peer: PeerRow,
  kind: Kind,
  id: string,
  values: Record<string, unknown>,
) {
  const cols = toColumns(kind, values, false);
  if (Object.keys(cols).length === 0) return;
  if (kind === 'member') {
    const [caseId, entityId] = id.split('/');
    await trx
      .updateTable('case_entities')
      .set(cols as never)
      .where('case_id', '=', caseId!)
      .where('entity_id', '=', entityId!)
      .execute();
    return;
  }
  const row = await trx
    .updateTable(tables[kind])
    .set({ ...cols, updated_at: app.now(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (kind === 'note' && row) {
    const note = row as { version: number; body: string; format: string; language: string };
    await trx
      .insertInto('case_note_revisions')
      .values({
        note_id: id,
        version: note.version,
        body: note.body,
        format: note.format,
        language: note.language,
        edited_by: await peerUser(trx, peer),
        edited_at: app.now(),
      })
      .execute();
  }
}
