import { z } from 'zod';

// What the node-to-node endpoints answer (server/federation/federation-routes.ts): the receipts of a delivery,
// a pull's page of messages, and a signed request's answer. Message bodies are sealed envelopes (compact JWE
// strings), opaque here; their content is checked by the receiving node, not by these schemas.

/** The receiving node's answer to a delivery: one receipt per message, in the order sent. */
export const DeliveryReceipts = z.object({
  receipts: z.array(
    z.object({
      id: z.string().nullable(),
      seq: z.number().nullable(),
      status: z.string(),
      reason: z.string().optional(),
    }),
  ),
});
export type DeliveryReceipts = z.infer<typeof DeliveryReceipts>;

/** A page of messages a peer pulls (`more` when another page waits). */
export const PulledMessages = z.object({ messages: z.array(z.string()), more: z.boolean() });
export type PulledMessages = z.infer<typeof PulledMessages>;

/** The sealed answer to a signed request (a hit query). */
export const RequestAnswer = z.object({ message: z.string() });
export type RequestAnswer = z.infer<typeof RequestAnswer>;
