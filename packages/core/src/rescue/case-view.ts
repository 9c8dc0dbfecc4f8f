import { z } from 'zod';
import { StageClock } from './clock.ts';
import { RepatriationProgress, RepatriationView } from './repatriation.ts';
import { ReportChannel, ReporterRelation } from './report-schema.ts';
import { RiskAssessment, RiskIndicator, RiskLevel, RiskOverrideView } from './risk.ts';
import { ScreeningView } from './screening.ts';
import { RescueState } from './states.ts';

// Response schemas of the rescue case: what the server sends, field by field (the serializer drops any
// field missing here). Stored JSON was checked by the input schemas on the way in, so no checks repeat here.

/** The person as reported (and merged from several reports). */
export const RescuePersonView = z.object({
  namesHangul: z.array(z.string()).optional(),
  namesLatin: z.array(z.string()).optional(),
  birthDate: z.string().optional(),
  sex: z.enum(['male', 'female', 'unknown']).optional(),
  passportNumber: z.string().optional(),
  phone: z.string().optional(),
  telegram: z.string().optional(),
  kakaotalk: z.string().optional(),
  nationality: z.string().optional(),
});
export type RescuePersonView = z.infer<typeof RescuePersonView>;

/** Where the person is thought to be; the team refines it (province, floor, room, a map pin). */
export const RescueLocationView = z.object({
  compoundName: z.string().optional(),
  province: z.string().optional(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).optional(),
  floor: z.string().optional(),
  room: z.string().optional(),
  buildingDescription: z.string().optional(),
});
export type RescueLocationView = z.infer<typeof RescueLocationView>;

export const ReporterView = z.object({
  relation: ReporterRelation,
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  messenger: z.string().optional(),
  language: z.string(),
});

export const RansomView = z.object({
  amount: z.number(),
  currency: z.string(),
  account: z.string().optional(),
  wallet: z.string().optional(),
});

/** An identifier named in a report, normalised, with where it came from (for the graph and for hits). */
export const ReportIdentifier = z.object({
  kind: z.string(),
  value: z.string(),
  display: z.string(),
  source: z.enum([
    'ransom.account',
    'ransom.wallet',
    'person.phone',
    'person.telegram',
    'person.kakaotalk',
    'narrative',
  ]),
  valid: z.boolean(),
});
export type ReportIdentifier = z.infer<typeof ReportIdentifier>;

export const RescueReportView = z.object({
  id: z.string(),
  channel: ReportChannel,
  reporter: ReporterView,
  person: RescuePersonView,
  location: RescueLocationView,
  lastContactAt: z.string().nullable(),
  narrative: z.string(),
  ransom: RansomView.nullable(),
  indicators: z.array(RiskIndicator),
  consent: z.boolean(),
  publicReference: z.string().nullable(),
  /** What the reporter added later through their private link. */
  additions: z.array(z.object({ at: z.string(), text: z.string() })),
  createdAt: z.string(),
});

export const RescueHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** The display name of who did it, or "System". */
  by: z.string(),
});

export const RescueTeamMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  agencyCode: z.string(),
  roles: z.array(z.string()),
  addedAt: z.string(),
});

export const RescueFileView = z.object({
  id: z.string(),
  kind: z.string(),
  mime: z.string(),
  size: z.number(),
  reportId: z.string().nullable(),
  uploadedAt: z.string(),
});

/** The whole story of a case at a glance: person, reports, history, clock, risk, team, files. */
export const RescueCaseView = z.object({
  id: z.string(),
  reference: z.string(),
  state: RescueState,
  stateEnteredAt: z.string(),
  nextStates: z.array(RescueState),
  clock: StageClock.nullable(),
  escalated: z.boolean(),
  mergedInto: z.string().nullable(),
  risk: z.object({ level: RiskLevel, assessment: RiskAssessment, override: RiskOverrideView.nullable() }),
  indicators: z.array(RiskIndicator),
  person: RescuePersonView,
  personRole: z.string(),
  nonPunishment: z.boolean(),
  screening: ScreeningView.nullable(),
  consent: z.object({ given: z.boolean(), basis: z.string().nullable() }),
  location: RescueLocationView,
  compound: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      province: z.string().nullable(),
    })
    .nullable(),
  identifiers: z.array(ReportIdentifier),
  repatriation: RepatriationView,
  repatriationProgress: RepatriationProgress,
  ownerAgency: z.string(),
  createdAt: z.string(),
  version: z.number(),
  /** Why the reader may see the case: on its team, a stated purpose (break-glass), or the system. */
  access: z.enum(['team', 'break-glass', 'system']),
  reports: z.array(RescueReportView),
  history: z.array(RescueHistoryEntry),
  team: z.array(RescueTeamMember),
  files: z.array(RescueFileView),
});
export type RescueCaseView = z.infer<typeof RescueCaseView>;

/** A line of the 24/7 board: no personal data (reference, state, risk, clock, place). */
export const RescueBoardItem = z.object({
  id: z.string(),
  reference: z.string(),
  state: RescueState,
  riskLevel: RiskLevel,
  reportedAt: z.string(),
  stateEnteredAt: z.string(),
  channel: z.string(),
  province: z.string().nullable(),
  compoundName: z.string().nullable(),
  clock: StageClock.nullable(),
  escalated: z.boolean(),
  onTeam: z.boolean(),
});
export type RescueBoardItem = z.infer<typeof RescueBoardItem>;

/**
 * A new report nobody has taken yet, as the triage queue shows it to `rescue.triage` holders: enough to choose
 * which to take first (risk, age, channel, province), nothing about the person.
 */
export const TriageQueueItem = z.object({
  id: z.string(),
  reference: z.string(),
  state: RescueState,
  riskLevel: RiskLevel,
  reportedAt: z.string(),
  channel: z.string(),
  province: z.string().nullable(),
});
export type TriageQueueItem = z.infer<typeof TriageQueueItem>;

/** The triage officer who took a case from the queue is now its team. */
export const TriageTaken = z.object({ caseId: z.string(), reference: z.string() });
export type TriageTaken = z.infer<typeof TriageTaken>;

/** Another case that may be the same person. */
export const DuplicateCandidate = z.object({
  caseId: z.string(),
  reference: z.string(),
  state: z.string(),
  verdict: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  sharedKeys: z.array(z.string()),
  /** The viewer is not on the other case's team: its person (names, dates, numbers) is not described. */
  restricted: z.boolean(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** A report filed by staff: the new case, with any likely duplicates named. */
export const StaffReportFiled = z.object({
  caseId: z.string(),
  reference: z.string(),
  duplicates: z.array(DuplicateCandidate),
});
export type StaffReportFiled = z.infer<typeof StaffReportFiled>;

export const DuplicateReviewRequested = z.object({ reference: z.string(), otherReference: z.string() });
export type DuplicateReviewRequested = z.infer<typeof DuplicateReviewRequested>;

export const RescueCasesMerged = z.object({
  caseId: z.string(),
  reference: z.string(),
  mergedReference: z.string(),
});
export type RescueCasesMerged = z.infer<typeof RescueCasesMerged>;

/** A file stored on a case (photo or video). */
export const StoredRescueFile = z.object({
  id: z.string(),
  kind: z.string(),
  mime: z.string(),
  size: z.number(),
});
export type StoredRescueFile = z.infer<typeof StoredRescueFile>;
