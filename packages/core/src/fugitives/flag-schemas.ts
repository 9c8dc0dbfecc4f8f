import { z } from 'zod';
import { MatchReasonView } from '../graph/correlation-views.ts';
import { plainText } from '../text/text-schema.ts';

// The fugitive flag's API and live types (server/src/fugitives/flag). One source for the database rows'
// meaning, the routes' responses and the web.

const isoTime = z.iso.datetime({ offset: true });

export const flagStatuses = ['open', 'dismissed', 'confirmed'] as const;
export const FlagStatus = z.enum(flagStatuses);
export type FlagStatus = z.infer<typeof FlagStatus>;

/** Where the wanted person appeared: a person created here, added to a case, mirrored from the partner, named in a rescue report. */
export const flagSources = ['created', 'case', 'peer', 'rescue-report'] as const;
export const FlagSource = z.enum(flagSources);
export type FlagSource = z.infer<typeof FlagSource>;

export const FlagExplanationView = z.object({
  name: z
    .object({
      seen: z.string(),
      wanted: z.string(),
      wantedKind: z.enum(['primary', 'passport', 'alias']),
      surname: z.enum(['exact', 'variant']),
      given: z.enum(['exact', 'variant']),
    })
    .nullable(),
  birthDate: z
    .object({ agreement: z.enum(['equal', 'day-month-swapped']), seen: z.string(), wanted: z.string() })
    .nullable(),
  passport: z.object({ number: z.string() }).nullable(),
  nationalities: z.array(z.string()),
  score: z.number(),
  reasons: z.array(MatchReasonView),
});
export type FlagExplanationView = z.infer<typeof FlagExplanationView>;

/** A fugitive flag as an alert user sees it. */
export const FugitiveFlag = z.object({
  id: z.guid(),
  status: FlagStatus,
  source: FlagSource,
  raisedAt: isoTime,
  /** What was seen: a graph person (entity) or a rescue case's reported person. */
  subject: z.object({
    kind: z.enum(['entity', 'rescue_case']),
    id: z.guid(),
    label: z.string(),
    caseId: z.guid().nullable(),
  }),
  fugitive: z.object({
    id: z.guid(),
    reference: z.string(),
    name: z.string(),
    noticeType: z.string().nullable(),
    warrantNumber: z.string().nullable(),
  }),
  explanation: FlagExplanationView,
  decision: z.object({ by: z.string().nullable(), at: isoTime, reason: z.string().nullable() }).nullable(),
});
export type FugitiveFlag = z.infer<typeof FugitiveFlag>;

export const FugitiveFlagList = z.object({ flags: z.array(FugitiveFlag) });
export type FugitiveFlagList = z.infer<typeof FugitiveFlagList>;

export const FlagListQuery = z.object({
  status: FlagStatus.default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DismissFlagInput = z.strictObject({
  reason: plainText().min(3, 'Say why this is not the wanted person').max(1000),
});
export type DismissFlagInput = z.infer<typeof DismissFlagInput>;

export const ConfirmFlagInput = z.strictObject({
  note: plainText().max(1000).optional(),
});
export type ConfirmFlagInput = z.infer<typeof ConfirmFlagInput>;

/**
 * What a node tells the partner when a record that came from the partner flagged here: which of the partner's own
 * record ids, and that a wanted person matched — nothing of the fugitive unless policy lets a reference go.
 */
export const FugitiveFlagNotice = z.strictObject({
  /** Our flag's id, so a repeat is recognised. */
  flagId: z.guid(),
  /** The partner's own entity ids (as the partner knows them), that matched. */
  recordIds: z.array(z.string().min(1).max(200)).min(1).max(50),
  /** The partner's shared case, as the partner knows it, when known. */
  caseId: z.string().max(200).nullable(),
  raisedAt: isoTime,
  /** Present only when the sender's policy lets the fugitive's reference go to the partner. */
  fugitiveReference: z.string().max(60).nullable(),
});
export type FugitiveFlagNotice = z.infer<typeof FugitiveFlagNotice>;

/** A notice received from the partner, as our alert users see it. */
export const PartnerFlagNoticeView = z.object({
  id: z.guid(),
  peer: z.string(),
  receivedAt: isoTime,
  records: z.array(z.object({ entityId: z.string(), label: z.string().nullable() })),
  fugitiveReference: z.string().nullable(),
});
export const PartnerFlagNoticeList = z.object({ notices: z.array(PartnerFlagNoticeView) });
