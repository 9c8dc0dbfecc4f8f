import { z } from 'zod';
import { Attachment } from './attachment-schema.ts';
import { Case } from './case-schema.ts';
import { Note } from './note-schema.ts';
import { Task } from './task-schema.ts';
import { TimelineEvent } from './timeline-schema.ts';

// Response schemas of the case routes, built from the domain ones so OpenAPI shows the shapes core validates.

/** A case as the API answers it: the case with its owning agency's code. */
export const CaseView = Case.safeExtend({ ownerAgency: z.string() });
export type CaseView = z.infer<typeof CaseView>;

export const CaseListPage = z.object({
  items: z.array(CaseView),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CaseListPage = z.infer<typeof CaseListPage>;

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
