import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

/** 50 MB: the largest attachment accepted. */
export const maxAttachmentBytes = 50 * 1024 * 1024;

/** The allow-list, as data: media type → the file extensions that may carry it. */
export const attachmentMediaTypes = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'video/mp4': ['mp4'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'application/json': ['json'],
  'application/zip': ['zip'],
  'message/rfc822': ['eml'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
} as const satisfies Record<string, readonly string[]>;

export type AttachmentMediaType = keyof typeof attachmentMediaTypes;
export const AttachmentMediaType = z.enum(
  Object.keys(attachmentMediaTypes) as [AttachmentMediaType, ...AttachmentMediaType[]],
  { error: 'This kind of file is not accepted' },
);

/** The media type a file name's extension implies, if it is on the allow-list. */
export function mediaTypeForFilename(filename: string): AttachmentMediaType | null {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  for (const [mediaType, extensions] of Object.entries(attachmentMediaTypes)) {
    if ((extensions as readonly string[]).includes(extension)) return mediaType as AttachmentMediaType;
  }
  return null;
}

/**
 * A file name as people see it: normalised text (no bidirectional controls, so "invoice‮fdp.exe" cannot pass
 * for a PDF; NFC, so a name from a Mac matches), without slashes or control characters, line breaks included.
 */
export const AttachmentFilename = plainText()
  .min(1)
  .max(255)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
  .regex(/^[^/\\\u0000-\u001f]+$/, 'A file name cannot contain slashes or control characters');

export const AttachmentInput = z
  .strictObject({
    filename: AttachmentFilename,
    mediaType: AttachmentMediaType,
    sizeBytes: z.int().min(1, 'The file is empty').max(maxAttachmentBytes, 'A file is at most 50 MB'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest is 64 lowercase hex characters'),
  })
  .refine((a) => mediaTypeForFilename(a.filename) === a.mediaType, {
    message: 'The file name extension does not match its media type',
    path: ['filename'],
  });
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const Attachment = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  filename: z.string(),
  mediaType: AttachmentMediaType,
  sizeBytes: z.int().positive(),
  sha256: z.string(),
  uploadedBy: z.uuid(),
  uploadedAt: z.iso.datetime({ offset: true }),
  /** `pending`: mirrored from a peer's node in a joint case, its content not arrived yet (download refused). */
  state: z.enum(['available', 'pending']).optional(),
});
export type Attachment = z.infer<typeof Attachment>;
