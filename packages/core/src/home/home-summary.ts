import { z } from 'zod';
import { Hit } from '../graph/correlation-views.ts';

/** The home page's "what needs me now". A section is null when the user's roles do not cover it. */
export const HomeTask = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
});

export const HomeOverdueItem = z.object({
  kind: z.enum(['task', 'request', 'rescue']),
  id: z.string(),
  caseId: z.string().nullable(),
  label: z.string(),
  due: z.string().nullable(),
});

/** A hit as the hits page shows it: home names where its two records are. */
export const HomeHit = Hit;

export const HomeMessage = z.looseObject({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  peerAgency: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
});

export const HomeSummary = z.object({
  tasks: z.array(HomeTask).nullable(),
  overdue: z.array(HomeOverdueItem),
  hits: z.array(HomeHit).nullable(),
  messages: z.array(HomeMessage).nullable(),
  unreadMessages: z.number().nullable(),
  rescue: z
    .object({
      open: z.number(),
      byRisk: z.record(z.string(), z.number()),
      cases: z.array(
        z.object({
          id: z.string(),
          reference: z.string(),
          state: z.string(),
          riskLevel: z.string(),
          reportedAt: z.string(),
          overdue: z.boolean(),
        }),
      ),
    })
    .nullable(),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
