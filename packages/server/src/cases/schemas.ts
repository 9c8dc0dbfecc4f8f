import { Attachment, Case, Note, NoteRevision, Task, TimelineEvent } from '@liaison/core/cases/index';
import { z } from 'zod';

/** Route schemas built from the core ones, so OpenAPI shows the same shapes the domain validates. */
export const CaseView = Case.safeExtend({ ownerAgency: z.string() });

export const CaseListPage = z.object({
  items: z.array(CaseView),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const CaseCounts = z.object({
  tasks: z.int(),
  openTasks: z.int(),
  overdueTasks: z.int(),
  notes: z.int(),
  attachments: z.int(),
  timeline: z.int(),
});

/** Everything on the case page in one answer. */
export const CaseDetail = z.object({
  case: CaseView,
  tasks: z.array(Task),
  notes: z.array(Note),
  attachments: z.array(Attachment),
  timeline: z.array(TimelineEvent),
  counts: CaseCounts,
});
export type CaseDetail = z.infer<typeof CaseDetail>;

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
