import { z } from 'zod';

/**
 * The data of one server-sent event on `/api/v1/events` (`event:` names the type too). The payload holds only
 * what the audience may see; never personal data in the notification text.
 */
export const LiveEventData = z.object({
  /** e.g. `hit.raised`, `access-request.created`, `access-request.decided`. */
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type LiveEventData = z.infer<typeof LiveEventData>;
