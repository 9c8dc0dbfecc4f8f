import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

/** What kind of event a timeline entry records; the workflow steps officers time. */
export const timelineEventKinds = [
  'report_received',
  'verification',
  'location_found',
  'rescue_request',
  'raid',
  'arrest',
  'rescue',
  'seizure',
  'account_freeze',
  'interview',
  'detention',
  'deportation',
  'handover',
  'legal_request',
  'other',
] as const;
export const TimelineEventKind = z.enum(timelineEventKinds);
export type TimelineEventKind = z.infer<typeof TimelineEventKind>;

/** `occurredAt` keeps its offset, so an event in Phnom Penh (+07:00) and one in Seoul (+09:00) both read right. */
export const TimelineEventInput = z.strictObject({
  occurredAt: z.iso.datetime({ offset: true, error: 'Give the date and time with its UTC offset' }),
  kind: TimelineEventKind,
  text: plainText().min(1, 'Describe the event').max(5_000),
});
export type TimelineEventInput = z.infer<typeof TimelineEventInput>;

export const TimelineEvent = TimelineEventInput.extend({
  id: z.uuid(),
  caseId: z.uuid(),
  recordedBy: z.uuid(),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** Events in the order they happened (by instant, not by the written local time); ties keep their order. */
export function sortTimeline<T extends { occurredAt: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}
