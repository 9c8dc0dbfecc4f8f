import { z } from 'zod';

/** What POST /api/v1/exchange/policy-check answers: whether the item may be sent to that peer, and why. */
export const PolicyCheckAnswer = z.object({
  allowed: z.boolean(),
  /** The policy decision's explanation, for the sender to read before sending. */
  explanation: z.string(),
});
export type PolicyCheckAnswer = z.infer<typeof PolicyCheckAnswer>;
