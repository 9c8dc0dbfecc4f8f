import type { AttachmentMediaType } from '@liaison/core/cases/index';
import { fileTypeFromBuffer } from 'file-type';

/** Types with no magic bytes: accepted only when the content is not some recognisable binary format. */
const textTypes = new Set<AttachmentMediaType>([
  'text/plain',
  'text/csv',
  'application/json',
  'message/rfc822',
]);

/** Office documents are ZIP containers; a short head may only show the container. */
const zipContainers = new Set<AttachmentMediaType>([
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** What the file's first bytes say it is, checked against the type its uploader declared. */
export async function contentMatchesType(
  declared: AttachmentMediaType,
  head: Buffer,
): Promise<{ ok: boolean; detected: string | null }> {
  const detected = (await fileTypeFromBuffer(head))?.mime ?? null;
  if (textTypes.has(declared)) return { ok: detected === null && !head.includes(0), detected };
  if (detected === declared) return { ok: true, detected };
  return { ok: zipContainers.has(declared) && detected === 'application/zip', detected };
}
