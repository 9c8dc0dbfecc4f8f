import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { Note, NoteEdit, NoteInput, NoteRevision } from '@liaison/core/cases/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';
import { auditCase, findVisibleCase, invalidField, lockVisibleCase, touchCase } from './case-repository.ts';
import { sanitiseNoteBody } from './note-sanitiser.ts';
import { presentNote, presentRevision } from './presenters.ts';

function cleanBody(body: string, format: NoteInput['format']): string {
  const clean = sanitiseNoteBody(body, format);
  if (!clean) throw invalidField('/body', 'Nothing is left of this note once unsafe HTML is removed');
  return clean;
}

async function insertRevision(
  trx: Tx,
  note: { id: string; version: number; body: string; format: string; language: string },
  editedBy: string,
  at: Date,
) {
  await trx
    .insertInto('case_note_revisions')
    .values({
      note_id: note.id,
      version: note.version,
      body: note.body,
      format: note.format,
      language: note.language,
      edited_by: editedBy,
      edited_at: at,
    })
    .execute();
}

export async function createNote(ctx: Ctx, actor: Actor, caseId: string, input: NoteInput): Promise<Note> {
  authorize(actor, 'cases.write');
  const body = cleanBody(input.body, input.format);
  const now = ctx.app.now();
  const row = await withAudit(ctx.app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    const note = await trx
      .insertInto('case_notes')
      .values({
        case_id: caseId,
        body,
        format: input.format,
        language: input.language,
        author_id: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertRevision(trx, note, actor.userId, now);
    await touchCase(trx, caseId, now);
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'note', id: note.id });
    await auditCase(trx, ctx, actor, 'case.note_created', caseId, {
      noteId: note.id,
      chars: body.length,
      format: input.format,
    });
    return note;
  });
  return presentNote(row);
}

/** Edits a note the client read at `baseVersion`; the old text stays as a revision. */
export async function editNote(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  noteId: string,
  edit: NoteEdit,
): Promise<Note> {
  authorize(actor, 'cases.write');
  const now = ctx.app.now();
  const row = await withAudit(ctx.app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    const before = await trx
      .selectFrom('case_notes')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', noteId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new LiaisonError('not-found', 'No such note.');
    if (before.version !== edit.baseVersion) {
      throw new LiaisonError(
        'conflict',
        `Someone edited this note meanwhile (now version ${before.version}); your text is kept — merge it into the latest version.`,
        {
          extra: { currentVersion: before.version },
        },
      );
    }
    const format = edit.format ?? (before.format as NoteInput['format']);
    const note = await trx
      .updateTable('case_notes')
      .set({
        body: cleanBody(edit.body, format),
        format,
        language: edit.language ?? before.language,
        updated_at: now,
        version: before.version + 1,
      })
      .where('id', '=', noteId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertRevision(trx, note, actor.userId, now);
    await touchCase(trx, caseId, now);
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'note', id: noteId });
    await auditCase(trx, ctx, actor, 'case.note_edited', caseId, { noteId, version: note.version });
    return note;
  });
  return presentNote(row);
}

export async function listNoteRevisions(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  noteId: string,
): Promise<NoteRevision[]> {
  authorize(actor, 'cases.read');
  if (!(await findVisibleCase(ctx.app.db, actor, caseId)))
    throw new LiaisonError('not-found', 'No such case.');
  const rows = await ctx.app.db
    .selectFrom('case_note_revisions')
    .innerJoin('case_notes', 'case_notes.id', 'case_note_revisions.note_id')
    .selectAll('case_note_revisions')
    .where('case_notes.case_id', '=', caseId)
    .where('case_note_revisions.note_id', '=', noteId)
    .orderBy('case_note_revisions.version', 'desc')
    .execute();
  if (rows.length === 0) throw new LiaisonError('not-found', 'No such note.');
  return rows.map(presentRevision);
}
