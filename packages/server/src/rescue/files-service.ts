import { createHash } from 'node:crypto';
import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { StoredRescueFile } from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';
import { recordCaseEvent } from './case-events.ts';
import { withReadAccess } from './case-read.ts';
import { assertCanWrite } from './rescue-access.ts';

export const rescueFileKinds = ['person_photo', 'building_photo', 'photo', 'video'] as const;
export type RescueFileKind = (typeof rescueFileKinds)[number];

export const uploadMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4'] as const;
export const imageLimitBytes = 8 * 1024 * 1024;
export const videoLimitBytes = 40 * 1024 * 1024;
/** A public report may carry this many files; a flood of uploads on one reference stops here. */
export const filesPerReportLimit = 12;

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
const ascii = (data: Uint8Array, from: number, to: number) => String.fromCharCode(...data.subarray(from, to));

/** The real type from the first bytes; null when the bytes are not an image or video we accept. */
export function sniffMime(data: Uint8Array): (typeof uploadMimeTypes)[number] | null {
  if (data.length < 16) return null;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(data, 12, 16) === 'IHDR')
    return 'image/png';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(data, 4, 8) === 'ftyp') return 'video/mp4';
  return null;
}

/** Refuses a file whose bytes are not what it claims, or that is too big for its kind. */
export function checkUpload(kind: RescueFileKind, declaredMime: string, data: Uint8Array): string {
  const mime = sniffMime(data);
  if (!mime || mime !== declaredMime.split(';')[0]!.trim().toLowerCase()) {
    throw new LiaisonError(
      'unsupported-media-type',
      'The file is not a JPEG, PNG or WebP image or an MP4 video, or is not what its type says.',
    );
  }
  const isVideo = mime === 'video/mp4';
  if (isVideo !== (kind === 'video'))
    throw new LiaisonError(
      'unsupported-media-type',
      kind === 'video' ? 'A video must be MP4.' : 'A photo must be JPEG, PNG or WebP.',
    );
  const limit = isVideo ? videoLimitBytes : imageLimitBytes;
  if (data.length > limit)
    throw new LiaisonError('payload-too-large', `The file is larger than ${limit / 1024 / 1024} MB.`);
  return mime;
}

export async function storeFile(
  trx: Tx,
  input: {
    caseId: string;
    reportId: string | null;
    kind: RescueFileKind;
    mime: string;
    data: Uint8Array;
    uploadedBy: string | null;
  },
): Promise<StoredRescueFile> {
  const row = await trx
    .insertInto('rescue_files')
    .values({
      case_id: input.caseId,
      report_id: input.reportId,
      kind: input.kind,
      mime: input.mime,
      size: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
      data: input.data,
      uploaded_by: input.uploadedBy,
    })
    .returning(['id', 'size'])
    .executeTakeFirstOrThrow();
  return { id: row.id, kind: input.kind, mime: input.mime, size: row.size };
}

export async function uploadCaseFile(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  kind: RescueFileKind,
  declaredMime: string,
  data: Uint8Array,
) {
  authorize(actor, 'rescue.write');
  const mime = checkUpload(kind, declaredMime, data);
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx.selectFrom('rescue_cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new LiaisonError('not-found', 'No such rescue case.');
    await assertCanWrite(trx, actor, caseId);
    const stored = await storeFile(trx, {
      caseId,
      reportId: null,
      kind,
      mime,
      data,
      uploadedBy: actor.userId,
    });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'file_added',
      details: { fileId: stored.id, fileKind: kind },
    });
    return stored;
  });
}

export async function readCaseFile(ctx: Ctx, actor: Actor, caseId: string, fileId: string) {
  return withReadAccess(ctx, actor, caseId, 'rescue_case.file_read', async () => {
    const file = await ctx.app.db
      .selectFrom('rescue_files')
      .select(['mime', 'data'])
      .where('id', '=', fileId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!file) throw new LiaisonError('not-found', 'No such file.');
    return { mime: file.mime, data: Buffer.from(file.data) };
  });
}
