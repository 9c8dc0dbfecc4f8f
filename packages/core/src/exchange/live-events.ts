import { z } from 'zod';

/** The event types GET /api/v1/exchange/events streams (`event:`). */
export const ExchangeEventType = z.enum([
  'exchange.message',
  'exchange.receipt',
  'exchange.delivery',
  'exchange.overdue',
  'rescue.alert',
  'hit.query',
]);
export type ExchangeEventType = z.infer<typeof ExchangeEventType>;

/**
 * The `data:` of one exchange event, all types together (server/exchange: inbound.ts publishes message, alert,
 * receipt and delivery; exchange-service.ts overdue; hits.ts hit.query). Ids, states and routing only: never
 * the text of an item.
 */
export const ExchangeEventPayload = z.object({
  /** message, alert, receipt, overdue. */
  itemId: z.string().optional(),
  /** delivery: the items whose delivery state changed together. */
  itemIds: z.array(z.string()).optional(),
  /** message, alert, overdue. */
  threadId: z.string().optional(),
  /** overdue: which side owes the answer. */
  direction: z.enum(['in', 'out']).optional(),
  /** message, alert: the item kind. */
  kind: z.string().optional(),
  /** message, alert, hit.query: the partner node. */
  peer: z.string().optional(),
  /** message, alert: the partner's agency. */
  peerAgency: z.string().optional(),
  /** message, alert. */
  priority: z.string().optional(),
  /** receipt (read, acknowledged), delivery (delivered, failed…). */
  state: z.string().optional(),
  /** hit.query: the reference of the answered query. */
  reference: z.string().optional(),
  /** hit.query: whether it was a hit. */
  hit: z.boolean().optional(),
});
export type ExchangeEventPayload = z.infer<typeof ExchangeEventPayload>;
