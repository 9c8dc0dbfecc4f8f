import { z } from 'zod';
import { Language } from '../accounts/schemas.ts';
import { isBlankText } from '../text/normalise-text.ts';
import { plainText } from '../text/text-schema.ts';

/** The longest note body, in characters. Anything larger belongs in an attachment. */
export const maxNoteChars = 200_000;

/** `html` is sanitised by the server before storage; `markdown` is stored as written. */
export const NoteFormat = z.enum(['html', 'markdown']);
export type NoteFormat = z.infer<typeof NoteFormat>;

export const NoteBody = plainText({ keepEnds: true })
  .max(maxNoteChars, {
    error: (issue) =>
      `A note is at most ${maxNoteChars.toLocaleString('en')} characters (this one has ` +
      `${typeof issue.input === 'string' ? issue.input.length.toLocaleString('en') : 'more'}); ` +
      'attach long documents as files instead',
  })
  .refine((body) => !isBlankText(body), { message: 'A note cannot be empty' });

export const NoteInput = z.strictObject({
  body: NoteBody,
  format: NoteFormat.default('markdown'),
  language: Language,
});
export type NoteInput = z.infer<typeof NoteInput>;

/** An edit: the client states the version it edited, so concurrent edits are caught as conflicts. */
export const NoteEdit = z.strictObject({
  body: NoteBody,
  format: NoteFormat.optional(),
  language: Language.optional(),
  baseVersion: z.int().positive(),
});
export type NoteEdit = z.infer<typeof NoteEdit>;

/** One stored revision; version 1 is the original note. */
export const NoteRevision = z.object({
  noteId: z.uuid(),
  version: z.int().positive(),
  body: z.string(),
  format: NoteFormat,
  language: Language,
  editedBy: z.uuid(),
  editedAt: z.iso.datetime({ offset: true }),
});
export type NoteRevision = z.infer<typeof NoteRevision>;

export const Note = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  body: z.string(),
  format: NoteFormat,
  language: Language,
  authorId: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().positive(),
});
export type Note = z.infer<typeof Note>;
