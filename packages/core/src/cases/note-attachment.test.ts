import { describe, expect, it } from 'vitest';
import {
  AttachmentFilename,
  AttachmentInput,
  maxAttachmentBytes,
  mediaTypeForFilename,
} from './attachment-schema.ts';
import { NoteInput } from './note-schema.ts';
import { sortTimeline, TimelineEventInput } from './timeline-schema.ts';

describe('notes', () => {
  it('rejects a 50 MB note with a message that says why and what to do', () => {
    const result = NoteInput.safeParse({ body: 'a'.repeat(50 * 1024 * 1024), language: 'en' });
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? '';
    expect(message).toMatch(/at most 200,000 characters/);
    expect(message).toMatch(/52,428,800/);
    expect(message).toMatch(/attach/);
  });

  it('accepts a markdown note by default and rejects a blank one', () => {
    expect(NoteInput.parse({ body: '# Raid plan', language: 'ko' }).format).toBe('markdown');
    expect(NoteInput.safeParse({ body: '   ', language: 'ko' }).success).toBe(false);
  });

  it('refuses a note of zero-width spaces, and keeps the indent that makes a Markdown code block', () => {
    expect(NoteInput.safeParse({ body: '\u200b \u200b', language: 'km' }).success).toBe(false);
    expect(NoteInput.parse({ body: '    curl -X POST\n', language: 'en' }).body).toBe('    curl -X POST\n');
    expect(NoteInput.parse({ body: 'a \u202eb', language: 'en' }).body).toBe('a b');
  });
});

describe('attachments', () => {
  const photo = {
    filename: 'gate-2.jpg',
    mediaType: 'image/jpeg',
    sizeBytes: 2_000_000,
    sha256: 'a'.repeat(64),
  };

  it('accepts an allowed file up to 50 MB', () => {
    expect(AttachmentInput.safeParse(photo).success).toBe(true);
    expect(AttachmentInput.safeParse({ ...photo, sizeBytes: maxAttachmentBytes }).success).toBe(true);
    expect(AttachmentInput.safeParse({ ...photo, sizeBytes: maxAttachmentBytes + 1 }).success).toBe(false);
  });

  it('rejects media types off the list and mismatched extensions', () => {
    expect(
      AttachmentInput.safeParse({ ...photo, filename: 'x.exe', mediaType: 'application/x-msdownload' })
        .success,
    ).toBe(false);
    expect(AttachmentInput.safeParse({ ...photo, filename: 'gate-2.jpg.exe' }).success).toBe(false);
    expect(AttachmentInput.safeParse({ ...photo, filename: '../gate.jpg' }).success).toBe(false);
    expect(mediaTypeForFilename('Report.DOCX')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});

describe('timeline', () => {
  it('orders events by instant across Seoul and Phnom Penh offsets', () => {
    const seoul = TimelineEventInput.parse({
      occurredAt: '2026-01-23T10:00:00+09:00',
      kind: 'handover',
      text: 'a',
    });
    const phnomPenh = TimelineEventInput.parse({
      occurredAt: '2026-01-23T09:00:00+07:00',
      kind: 'raid',
      text: 'b',
    });
    expect(sortTimeline([phnomPenh, seoul]).map((event) => event.kind)).toEqual(['handover', 'raid']);
    expect(
      TimelineEventInput.safeParse({ occurredAt: '2026-01-23T10:00:00', kind: 'raid', text: 'c' }).success,
    ).toBe(false);
  });
});

describe('attachment file names', () => {
  const declared = (filename: string) =>
    AttachmentInput.safeParse({
      filename,
      mediaType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
    });

  it('drops a right-to-left override, so an .exe cannot pass for a PDF', () => {
    expect(declared('invoice\u202efdp.exe').success).toBe(false);
    expect(declared('report\u2067\u202e.pdf').data?.filename).toBe('report.pdf');
  });

  it('composes a decomposed Hangul name and refuses one that is only invisible characters', () => {
    expect(declared('\u1112\u1161\u11ab.pdf').data?.filename).toBe('한.pdf');
    expect(AttachmentFilename.safeParse('\u200b\u200b').success).toBe(false);
    expect(AttachmentFilename.safeParse('a\nb.pdf').success).toBe(false);
  });
});
