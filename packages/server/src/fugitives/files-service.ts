import type { Readable } from 'node:stream';
import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import {
  AttachmentFilename,
  AttachmentMediaType,
  maxAttachmentBytes,
  mediaTypeForFilename,
} from '@liaison/core/cases/index';
import type { FugitiveFile } from '@liaison/core/fugitives/schemas';
import { withAudit } from '../audit/audit.ts';
import { lockBlob } from '../cases/attachment-blobs.ts';
import { contentMatchesType } from '../cases/attachment-content.ts';
import type { Ctx } from '../context.ts';
import type { BlobHolder } from '../files/blob-holders.ts';
import { fileStoreOf } from '../files/file-store-config.ts';
import { findVisibleFugitive, fugitiveNotFound, lockVisibleFugitive } from './fugitive-access.ts';
import { auditFugitive, invalidField } from './fugitive-repository.ts';
import { presentFile } from './fugitive-rows.ts';

// Photos of the wanted person and the documents of his steps (the warrant, the detention order, the boarding
// record): streamed into the node's file store, which keeps each blob once under its SHA-256 (files/file-store.ts),
// with the same allow-list and content check as case attachments. The row and the blob commit together.

/** A fugitive's files hold their blob: a case attachment of the same bytes removed leaves it in the store. */
export const fugitiveFilesHoldBlobs: BlobHolder = {
  name: 'fugitive files',
  async holds(trx, sha256) {
    const row = await trx
      .selectFrom('fugitive_files')
      .select('id')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};

const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface FugitiveUpload {
  kind: 'photo' | 'document';
  filename: string;
  declaredType: string;
  content: Readable;
}

function checkDeclaration(upload: FugitiveUpload) {
  const filename = AttachmentFilename.safeParse(upload.filename);
  if (!filename.success)
    throw invalidField('/file', filename.error.issues[0]?.message ?? 'Not a valid file name');
  const mediaType = AttachmentMediaType.safeParse(upload.declaredType);
  if (!mediaType.success)
    throw new LiaisonError(
      'unsupported-media-type',
      `Files of type ${upload.declaredType || 'unknown'} are not accepted.`,
      {
        fields: [{ path: '/file', message: 'This kind of file is not accepted' }],
      },
    );
  if (mediaTypeForFilename(filename.data) !== mediaType.data)
    throw invalidField('/file', `The file name ${filename.data} does not match its type ${mediaType.data}`);
  if (upload.kind === 'photo' && !photoTypes.has(mediaType.data))
    throw new LiaisonError('unsupported-media-type', 'A photo must be JPEG, PNG or WebP.', {
      fields: [{ path: '/file', message: 'A photo must be JPEG, PNG or WebP' }],
    });
  return { filename: filename.data, mediaType: mediaType.data };
}

export async function uploadFugitiveFile(
  ctx: Ctx,
  actor: Actor,
  fugitiveId: string,
  upload: FugitiveUpload,
): Promise<FugitiveFile> {
  authorize(actor, 'fugitives.write');
  let declaration: ReturnType<typeof checkDeclaration>;
  try {
    if (!(await findVisibleFugitive(ctx.app.db, actor, fugitiveId))) throw fugitiveNotFound();
    declaration = checkDeclaration(upload);
  } catch (error) {
    upload.content.resume();
    throw error;
  }
  const store = fileStoreOf(ctx.app);
  const staged = await store.stage(upload.content, maxAttachmentBytes);
  let createdBlob = false;
  try {
    if (staged.truncated)
      throw new LiaisonError(
        'payload-too-large',
        `A file is at most ${maxAttachmentBytes / 1024 / 1024} MB.`,
        {
          fields: [
            { path: '/file', message: 'Too large', code: 'too_big', params: { maximum: maxAttachmentBytes } },
          ],
        },
      );
    if (staged.sizeBytes === 0) throw invalidField('/file', 'The file is empty');
    const match = await contentMatchesType(declaration.mediaType, staged.head);
    if (!match.ok)
      throw new LiaisonError(
        'unsupported-media-type',
        `The file's content is ${match.detected ?? 'not recognisable'}, not ${declaration.mediaType} as declared.`,
        { fields: [{ path: '/file', message: 'The content does not match the declared type' }] },
      );
    const now = ctx.app.now();
    const row = await withAudit(ctx.app.db, async (trx) => {
      const fugitive = await lockVisibleFugitive(trx, actor, fugitiveId);
      const file = await trx
        .insertInto('fugitive_files')
        .values({
          fugitive_id: fugitiveId,
          kind: upload.kind,
          filename: declaration.filename,
          media_type: declaration.mediaType,
          size_bytes: staged.sizeBytes,
          sha256: staged.sha256,
          uploaded_by: actingUserId(actor),
          uploaded_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('fugitives').set({ updated_at: now }).where('id', '=', fugitiveId).execute();
      await auditFugitive(trx, ctx, actor, 'fugitive.file_added', fugitiveId, {
        reference: fugitive.reference,
        fileId: file.id,
        kind: upload.kind,
        filename: declaration.filename,
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
      });
      // Last before the commit: a failed store write rolls the row back; the lock keeps a concurrent release of
      // the same content (a case attachment removed) from deleting the blob under this row.
      await lockBlob(trx, staged.sha256);
      createdBlob = (await store.commit(staged)).created;
      return file;
    });
    return presentFile(row);
  } catch (error) {
    await store.discard(staged);
    if (createdBlob) await store.delete(staged.sha256).catch(() => {});
    throw error;
  }
}

/** A file's bytes, for download or display; every download is audited. */
export async function openFugitiveFile(
  ctx: Ctx,
  actor: Actor,
  fugitiveId: string,
  fileId: string,
): Promise<{ file: FugitiveFile; content: Readable }> {
  authorize(actor, 'fugitives.read');
  const db = ctx.app.db;
  if (!(await findVisibleFugitive(db, actor, fugitiveId))) throw fugitiveNotFound();
  const row = await db
    .selectFrom('fugitive_files')
    .selectAll()
    .where('fugitive_id', '=', fugitiveId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such file.');
  const content = await fileStoreOf(ctx.app).open(row.sha256);
  try {
    await withAudit(db, (trx) =>
      auditFugitive(trx, ctx, actor, 'fugitive.file_downloaded', fugitiveId, { fileId, sha256: row.sha256 }),
    );
  } catch (error) {
    content.destroy();
    throw error;
  }
  return { file: presentFile(row), content };
}
