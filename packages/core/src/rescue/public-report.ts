import { z } from 'zod';

// Response schemas of the public report form: a reporter learns only that the report arrived and how far it is.

/** The reporter's private link: shown once, the secret is never stored in the clear. */
export const PublicReportFiled = z.object({
  reference: z.string(),
  secret: z.string(),
  statusPath: z.string(),
});
export type PublicReportFiled = z.infer<typeof PublicReportFiled>;

export const PublicReportStatus = z.object({
  reference: z.string(),
  receivedAt: z.string(),
  /** `home`: the person is back in Korea; the case stays open for the follow-up until it is closed. */
  status: z.enum(['received', 'in_progress', 'home', 'closed']),
  /** How many additions the reporter sent. */
  additions: z.number(),
});
export type PublicReportStatus = z.infer<typeof PublicReportStatus>;

/** A file the reporter added (its media type is not echoed back). */
export const PublicReportFile = z.object({ id: z.string(), kind: z.string(), size: z.number() });
export type PublicReportFile = z.infer<typeof PublicReportFile>;
