import { NoteRevision } from '@liaison/core/cases/index';
import { z } from 'zod';

export const CaseIdParams = z.object({ id: z.uuid() });
export const CaseChildParams = z.object({ id: z.uuid(), childId: z.uuid() });
export const NoteRevisions = z.array(NoteRevision);

/** Optimistic concurrency on a case: the version the client edited, as `If-Match: "<version>"`. */
export const IfMatchHeaders = z.object({
  'if-match': z
    .string({ error: 'Send If-Match with the version you edited' })
    .regex(/^(W\/)?"?\d+"?$/, 'If-Match carries the case version, e.g. "3"'),
});

export function versionFromIfMatch(value: string): number {
  return Number(value.replace(/\D/g, ''));
}
