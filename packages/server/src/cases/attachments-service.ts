import type { Readable } from 'node:stream';
import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  type Attachment,
  AttachmentFilename,
  AttachmentInput,
  AttachmentMediaType,
  maxAttachmentBytes,
  mediaTypeForFilename,
} from '@liaison/core/cases/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import type { StagedFile } from '../files/file-store.ts';
import { fileStoreOf } from '../files/file-store-config.ts';
import { lockBlob, queueBlobRelease, releaseQueuedBlobs } from './attachment-blobs.ts';
import { contentMatchesType } from './attachment-content.ts';
import { auditCase, findVisibleCase, invalidField, lockVisibleCase, touchCase } from './case-repository.ts';
import { presentAttachment } from './presenters.ts';

export interface AttachmentUpload {
  filename: string;
  /** The media type the client declared (form field `mediaType`, or the part's own content type). */
  declaredType: string;
  content: Readable;
}

function checkDeclaration(upload: AttachmentUpload): { filename: string; mediaType: AttachmentMediaType } {
  const filename = AttachmentFilename.safeParse(upload.filename);
  if (!filename.success)
    throw invalidField('/file', filename.error.issues[0]?.message ?? 'Not a valid file name');
  const mediaType = AttachmentMediaType.safeParse(upload.declaredType);
  if (!mediaType.success) {
    throw new LiaisonError(
      'unsupported-media-type',
      `Files of type ${upload.declaredType || 'unknown'} are not accepted.`,
      {
        fields: [{ path: '/file', message: 'This kind of file is not accepted' }],
      },
    );
  }
  if (mediaTypeForFilename(filename.data) !== mediaType.data) {
    throw invalidField('/file', `The file name ${filename.data} does not match its type ${mediaType.data}`);
  }
  return { filename: filename.data, mediaType: mediaType.data };
}

/** Rejects a staged file that is too large, empty, or not what it claims to be. */
async function checkContent(staged: StagedFile, mediaType: AttachmentMediaType): Promise<void> {
  if (staged.truncated) {
    throw new LiaisonError('payload-too-large', `A file is at most ${maxAttachmentBytes / 1024 / 1024} MB.`, {
      fields: [
        {
          path: '/file',
          message: 'Too large',
          code: 'too_big',
          params: { origin: 'file', maximum: maxAttachmentBytes },
        },
      ],
    });
  }
  if (staged.sizeBytes === 0) throw invalidField('/file', 'The file is empty');
  const match = await contentMatchesType(mediaType, staged.head);
  if (!match.ok) {
    throw new LiaisonError(
      'unsupported-media-type',
      `The file's content is ${match.detected ?? 'not recognisable'}, not ${mediaType} as declared.`,
      {
        fields: [{ path: '/file', message: 'The content does not match the declared type' }],
      },
    );
  }
}

/**
 * Streams an upload into staging with its SHA-256, checks size and magic bytes, then records it and moves the
 * blob to its content address inside one transaction. Any failure leaves neither a row nor a new blob.
 */
export async function uploadAttachment(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  upload: AttachmentUpload,
): Promise<Attachment> {
  authorize(actor, 'cases.write');
  if (!(await findVisibleCase(ctx.app.db, actor, caseId))) {
    upload.content.resume();
    throw new LiaisonError('not-found', 'No such case.');
  }
  let declaration: ReturnType<typeof checkDeclaration>;
  try {
    declaration = checkDeclaration(upload);
  } catch (error) {
    upload.content.resume();
    throw error;
  }
  const store = fileStoreOf(ctx.app);
  const staged = await store.stage(upload.content, maxAttachmentBytes);
  let createdBlob = false;
  try {
    await checkContent(staged, declaration.mediaType);
    const input = AttachmentInput.parse({
      ...declaration,
      sizeBytes: staged.sizeBytes,
      sha256: staged.sha256,
    });
    const now = ctx.app.now();
    const row = await withAudit(ctx.app.db, async (trx) => {
      await lockVisibleCase(trx, actor, caseId);
      const attachment = await trx
        .insertInto('case_attachments')
        .values({
          case_id: caseId,
          filename: input.filename,
          media_type: input.mediaType,
          size_bytes: input.sizeBytes,
          sha256: input.sha256,
          uploaded_by: actor.userId,
          uploaded_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await touchCase(trx, caseId, now);
      await auditCase(trx, ctx, actor, 'case.attachment_added', caseId, {
        attachmentId: attachment.id,
        filename: input.filename,
        sha256: input.sha256,
        sizeBytes: input.sizeBytes,
      });
      await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'attachment', id: attachment.id });
      // Last step before the commit: a failed store write rolls the row and its audit entry back. The blob's
      // lock keeps a concurrent release of the same content from deleting it under this new row.
      await lockBlob(trx, input.sha256);
      createdBlob = (await store.commit(staged)).created;
      return attachment;
    });
    return presentAttachment(row);
  } catch (error) {
    await store.discard(staged);
    if (createdBlob) await store.delete(staged.sha256).catch(() => {});
    throw error;
  }
}

/** The attachment's bytes, for download; every download is audited. */
export async function openAttachment(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  attachmentId: string,
): Promise<{ attachment: Attachment; content: Readable }> {
  authorize(actor, 'cases.read');
  const db = ctx.app.db;
  if (!(await findVisibleCase(db, actor, caseId))) throw new LiaisonError('not-found', 'No such case.');
  const row = await db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such attachment.');
  const fetch = await db
    .selectFrom('attachment_fetches as f')
    .innerJoin('peers as p', 'p.id', 'f.peer_id')
    .select(['p.agency_code', 'f.attempts'])
    .where('f.attachment_id', '=', attachmentId)
    .executeTakeFirst();
  if (fetch)
    throw new LiaisonError(
      'conflict',
      `The file is still being copied from ${fetch.agency_code}'s node; try again later.`,
      { extra: { state: 'pending', attempts: fetch.attempts } },
    );
  const content = await fileStoreOf(ctx.app).open(row.sha256);
  try {
    await withAudit(db, (trx) =>
      auditCase(trx, ctx, actor, 'case.attachment_downloaded', caseId, {
        attachmentId,
        sha256: row.sha256,
      }),
    );
  } catch (error) {
    content.destroy();
    throw error;
  }
  return { attachment: presentAttachment(row), content };
}

export async function listAttachments(ctx: Ctx, actor: Actor, caseId: string): Promise<Attachment[]> {
  authorize(actor, 'cases.read');
  if (!(await findVisibleCase(ctx.app.db, actor, caseId)))
    throw new LiaisonError('not-found', 'No such case.');
  const rows = await ctx.app.db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .execute();
  const pending = new Set(
    rows.length === 0
      ? []
      : (
          await ctx.app.db
            .selectFrom('attachment_fetches')
            .select('attachment_id')
            .where(
              'attachment_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute()
        ).map((f) => f.attachment_id),
  );
  // A mirrored attachment is `pending` until its content has arrived from the peer.
  return rows.map((row) => ({
    ...presentAttachment(row),
    state: pending.has(row.id) ? ('pending' as const) : ('available' as const),
  }));
}

/**
 * Removes an attachment from a case (audited, told to federation in the same transaction). Its blob is
 * deleted afterwards unless another attachment references the same content.
 */
export async function removeAttachment(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  attachmentId: string,
): Promise<void> {
  authorize(actor, 'cases.write');
  const app = ctx.app;
  await withAudit(app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    const row = await trx
      .deleteFrom('case_attachments')
      .where('case_id', '=', caseId)
      .where('id', '=', attachmentId)
      .returning(['id', 'filename', 'sha256'])
      .executeTakeFirst();
    if (!row) throw new LiaisonError('not-found', 'No such attachment.');
    await touchCase(trx, caseId, app.now());
    await auditCase(trx, ctx, actor, 'case.attachment_removed', caseId, {
      attachmentId,
      filename: row.filename,
      sha256: row.sha256,
    });
    await app.changes.announce(trx, {
      on: 'case',
      caseId,
      record: 'attachment',
      id: attachmentId,
      deleted: true,
    });
    await queueBlobRelease(trx, app, [row.sha256]);
  });
  await releaseQueuedBlobs(app);
}
