import { z } from 'zod';
import { AgencyCode } from '../accounts/schemas.ts';
import { CaseMarkings, CrimeTypeCode } from '../cases/case-schema.ts';
import { InformationAccuracy, SourceReliability } from '../markings/markings.ts';
import { CambodianProvince } from '../rescue/provinces.ts';
import { plainText } from '../text/text-schema.ts';

// The fugitive register (shared/README.md, workflow 2): a wanted person, the Korean warrant, the Interpol notice,
// the passport's status, and the life cycle from "wanted" to "handed over". One source of types for the
// database (server/src/fugitives/tables.ts), the API and the web; the fugitive flag, removal planning and
// federation build on these names.

/** A register reference: the owning agency, F, the year and a sequence ('KNPA-F-2026-0001'). */
export const FugitiveReference = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}-F-\d{4}-\d{4,}$/, 'A fugitive reference looks like KNPA-F-2026-0001');
export type FugitiveReference = z.infer<typeof FugitiveReference>;

export const nameScripts = ['hangul', 'latin', 'khmer', 'han', 'other'] as const;
export const NameScript = z.enum(nameScripts);
export type NameScript = z.infer<typeof NameScript>;

/** `primary`: the name as the person's own documents and family write it; `passport`: the passport's spelling. */
export const nameKinds = ['primary', 'passport', 'alias'] as const;
export const NameKind = z.enum(nameKinds);
export type NameKind = z.infer<typeof NameKind>;

export const FugitiveName = z.strictObject({
  value: plainText().min(1, 'Write the name').max(200),
  script: NameScript,
  kind: NameKind,
});
export type FugitiveName = z.infer<typeof FugitiveName>;

/** Every name and alias, in every script; at least one that is not an alias, each listed once. */
export const FugitiveNames = z
  .array(FugitiveName)
  .min(1, 'Give at least one name')
  .max(40)
  .refine((names) => names.some((n) => n.kind !== 'alias'), {
    message: 'Give the primary or passport name, not only aliases',
  })
  .refine(
    (names) => new Set(names.map((n) => `${n.kind}\u0000${n.value.toLowerCase()}`)).size === names.length,
    { message: 'List each name once' },
  );

/** ISO 3166-1 alpha-2 ('KR', 'KH'). */
export const Nationality = z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter country code (KR, KH …)');

export const sexes = ['male', 'female', 'unknown'] as const;
export const Sex = z.enum(sexes);

/** A calendar date, YYYY-MM-DD. */
export const CalendarDate = z.iso.date({ error: 'Use a date like 2026-11-30' });
export const Instant = z.iso.datetime({ offset: true, error: 'Use a date and time with its offset' });

// --- passport ---------------------------------------------------------------------------------------------

/**
 * The passport's standing: the foreign ministry invalidates a fugitive's passport (about two months after the
 * request), then it is listed with Interpol as lost/stolen so neighbouring countries can arrest for illegal stay.
 */
export const passportStatuses = [
  'valid',
  'invalidation_requested',
  'invalidated',
  'listed_lost_stolen',
] as const;
export const PassportStatus = z.enum(passportStatuses);
export type PassportStatus = z.infer<typeof PassportStatus>;

export const Passport = z
  .strictObject({
    /** As written; stored normalised (core/identifiers/passport.ts: 'KR:M12345678'). */
    number: plainText().min(1, 'Write the passport number').max(40),
    /** Issuing country, ISO alpha-2; the nationality when not given. */
    country: Nationality.optional(),
    status: PassportStatus.default('valid'),
    /** The date the status took effect: required for `invalidated` ("invalidated on"), optional otherwise. */
    statusOn: CalendarDate.optional(),
  })
  .refine((p) => p.status !== 'invalidated' || p.statusOn !== undefined, {
    message: 'Give the date the passport was invalidated',
    path: ['statusOn'],
  });
export type Passport = z.infer<typeof Passport>;
export type PassportInput = z.input<typeof Passport>;

// --- warrant and notice -----------------------------------------------------------------------------------

export const Warrant = z
  .strictObject({
    number: plainText().min(1, 'Write the warrant number').max(60),
    court: plainText().min(1, 'Name the court that issued the warrant').max(200),
    charges: z.array(plainText().min(1).max(300)).min(1, 'Name at least one charge').max(30),
    issuedOn: CalendarDate,
    expiresOn: CalendarDate,
  })
  .refine((w) => w.expiresOn >= w.issuedOn, {
    message: 'The warrant cannot expire before it was issued',
    path: ['expiresOn'],
  });
export type Warrant = z.infer<typeof Warrant>;

/** Interpol notice colours (and a diffusion, sent by one country to chosen others). */
export const noticeTypes = [
  'red',
  'yellow',
  'blue',
  'green',
  'black',
  'orange',
  'purple',
  'diffusion',
] as const;
export const NoticeType = z.enum(noticeTypes);
export type NoticeType = z.infer<typeof NoticeType>;

export const noticeStatuses = ['requested', 'published', 'withdrawn', 'cancelled'] as const;
export const NoticeStatus = z.enum(noticeStatuses);

export const InterpolNotice = z.strictObject({
  noticeType: NoticeType,
  /** The notice's control number ('A-1234/5-2026'), or the request's reference while it is requested. */
  reference: plainText().min(1, 'Write the notice reference').max(60),
  status: NoticeStatus,
});
export type InterpolNotice = z.infer<typeof InterpolNotice>;

// --- danger -----------------------------------------------------------------------------------------------

export const dangerMarkerCodes = [
  'armed',
  'violent',
  'escape_risk',
  'self_harm',
  'drug_use',
  'gang_protection',
  'counter_surveillance',
  'medical',
] as const;
export const DangerMarkerCode = z.enum(dangerMarkerCodes);
export type DangerMarkerCode = z.infer<typeof DangerMarkerCode>;

export const DangerMarker = z.strictObject({
  code: DangerMarkerCode,
  note: plainText().max(500).optional(),
});
export type DangerMarker = z.infer<typeof DangerMarker>;

export const DangerMarkers = z
  .array(DangerMarker)
  .max(dangerMarkerCodes.length)
  .refine((list) => new Set(list.map((m) => m.code)).size === list.length, {
    message: 'List each danger marker once',
  });

// --- life cycle -------------------------------------------------------------------------------------------

/** The life cycle in order (lifecycle.ts says which moves are allowed). */
export const fugitiveStates = [
  'wanted',
  'sighted',
  'located',
  'under_surveillance',
  'arrested',
  'detained',
  'removal_in_progress',
  'handed_over',
  'closed',
] as const;
export const FugitiveState = z.enum(fugitiveStates);
export type FugitiveState = z.infer<typeof FugitiveState>;

export const removalRoutes = ['deportation', 'extradition', 'voluntary_return'] as const;
export const RemovalRoute = z.enum(removalRoutes);
export type RemovalRoute = z.infer<typeof RemovalRoute>;

export const closeReasons = [
  'returned',
  'warrant_withdrawn',
  'prosecuted_abroad',
  'deceased',
  'duplicate_record',
  'other',
] as const;
export const FugitiveCloseReason = z.enum(closeReasons);
export type FugitiveCloseReason = z.infer<typeof FugitiveCloseReason>;

/** What a step records beyond its date, by state (the state says which fields it needs). */
export const StepDetails = z.strictObject({
  /** Detained: where (an immigration detention centre, a police station). */
  facility: plainText().min(1).max(200).optional(),
  province: CambodianProvince.optional(),
  /** Removal in progress: how he leaves. */
  removalRoute: RemovalRoute.optional(),
  /** Handed over: the receiving police unit. */
  receivingUnit: plainText().min(1).max(200).optional(),
  /** Closed: why. */
  closeReason: FugitiveCloseReason.optional(),
});
export type StepDetails = z.infer<typeof StepDetails>;

export const FugitiveStepInput = z.strictObject({
  state: FugitiveState,
  occurredAt: Instant,
  /** Who did it when not the officer recording it ('CNP Anti-Drug Department, Lt. Sok'). */
  actedBy: plainText().max(200).optional(),
  note: plainText().max(5_000).optional(),
  /** Required when going back (lost track, escape) or closing: lifecycle.ts. */
  reason: plainText().max(1_000).optional(),
  details: StepDetails.default({}),
  /** Files already uploaded to this fugitive (`POST …/files`), attached to this step. */
  documentIds: z.array(z.uuid()).max(50).default([]),
  /** The sighting this step rests on, if any. */
  sightingId: z.uuid().optional(),
});
export type FugitiveStepInput = z.infer<typeof FugitiveStepInput>;
export type FugitiveStepInputRaw = z.input<typeof FugitiveStepInput>;

export const FugitiveStep = z.object({
  id: z.uuid(),
  fugitiveId: z.uuid(),
  seq: z.int().positive(),
  state: FugitiveState,
  fromState: FugitiveState.nullable(),
  occurredAt: Instant,
  actedBy: z.string().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  details: StepDetails,
  documentIds: z.array(z.uuid()),
  sightingId: z.uuid().nullable(),
  recordedBy: z.uuid().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: Instant,
});
export type FugitiveStep = z.infer<typeof FugitiveStep>;

// --- flags ------------------------------------------------------------------------------------------------

export const warrantFlags = ['expiring', 'expired'] as const;
export const WarrantFlag = z.enum(warrantFlags);
export type WarrantFlag = z.infer<typeof WarrantFlag>;

/** What the flag job (and every write) computes from the warrant and the last step (register-flags.ts). */
export const FugitiveFlags = z.object({
  warrant: WarrantFlag.nullable(),
  /** Days until the warrant expires (negative once expired); null without a warrant. */
  warrantDaysLeft: z.int().nullable(),
  /** True when the fugitive has stayed in his state longer than that state's limit. */
  stalled: z.boolean(),
  /** Whole days since the last step. */
  daysInState: z.int().nonnegative(),
  /** The state's limit in days; null for states that never stall (wanted, closed). */
  stallLimitDays: z.int().positive().nullable(),
  computedAt: Instant,
});
export type FugitiveFlags = z.infer<typeof FugitiveFlags>;

// --- the fugitive -----------------------------------------------------------------------------------------

const fugitiveFields = {
  names: FugitiveNames,
  birthDate: CalendarDate.optional(),
  nationality: Nationality,
  sex: Sex.optional(),
  passport: Passport.optional(),
  warrant: Warrant.optional(),
  interpol: InterpolNotice.optional(),
  dangerMarkers: DangerMarkers.default([]),
  crimeTypes: z
    .array(CrimeTypeCode)
    .max(20)
    .refine((l) => new Set(l).size === l.length, { message: 'List each crime type once' })
    .default([]),
  /** Free description: distinguishing marks, languages, habits. */
  description: plainText().max(10_000).default(''),
  /** The graph person this fugitive is. */
  personEntityId: z.uuid().optional(),
  linkedCaseIds: z.array(z.uuid()).max(50).default([]),
  linkedEntityIds: z.array(z.uuid()).max(200).default([]),
  markings: CaseMarkings,
};

export const FugitiveInput = z.strictObject({
  ...fugitiveFields,
  /** When he became wanted (the first step's date); the warrant's issue date, else now, when absent. */
  wantedSince: Instant.optional(),
});
export type FugitiveInput = z.infer<typeof FugitiveInput>;
export type FugitiveInputRaw = z.input<typeof FugitiveInput>;

/** A partial update; `null` clears an optional field. The state moves only through steps. */
export const FugitivePatch = z
  .strictObject({
    names: FugitiveNames.optional(),
    birthDate: CalendarDate.nullable().optional(),
    nationality: Nationality.optional(),
    sex: Sex.nullable().optional(),
    passport: Passport.nullable().optional(),
    warrant: Warrant.nullable().optional(),
    interpol: InterpolNotice.nullable().optional(),
    dangerMarkers: DangerMarkers.optional(),
    crimeTypes: fugitiveFields.crimeTypes.unwrap().optional(),
    description: plainText().max(10_000).optional(),
    personEntityId: z.uuid().nullable().optional(),
    linkedCaseIds: z.array(z.uuid()).max(50).optional(),
    linkedEntityIds: z.array(z.uuid()).max(200).optional(),
    markings: CaseMarkings.optional(),
    /** The version read; a stale one is refused (someone else changed the record). */
    version: z.int().positive(),
  })
  .refine((patch) => Object.keys(patch).length > 1, { message: 'Change at least one field' });
export type FugitivePatch = z.infer<typeof FugitivePatch>;

export const StoredPassport = z.object({
  /** Normalised: 'KR:M12345678'. */
  number: z.string(),
  display: z.string(),
  status: PassportStatus,
  statusOn: CalendarDate.nullable(),
});
export type StoredPassport = z.infer<typeof StoredPassport>;

export const fileKinds = ['photo', 'document'] as const;
export const FugitiveFileKind = z.enum(fileKinds);

/** A photo or document kept in the node's file store by its SHA-256. */
export const FugitiveFile = z.object({
  id: z.uuid(),
  fugitiveId: z.uuid(),
  kind: FugitiveFileKind,
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: z.uuid().nullable(),
  uploadedAt: Instant,
});
export type FugitiveFile = z.infer<typeof FugitiveFile>;

/** One line of the register's list. */
export const FugitiveSummary = z.object({
  id: z.uuid(),
  reference: FugitiveReference,
  agencyCode: AgencyCode,
  names: z.array(FugitiveName),
  birthDate: CalendarDate.nullable(),
  nationality: z.string(),
  status: FugitiveState,
  statusChangedAt: Instant,
  passportStatus: PassportStatus.nullable(),
  warrantExpiresOn: CalendarDate.nullable(),
  interpolNotice: NoticeType.nullable(),
  dangerMarkers: z.array(DangerMarkerCode),
  flags: FugitiveFlags.nullable(),
  tlp: z.string(),
  updatedAt: Instant,
});
export type FugitiveSummary = z.infer<typeof FugitiveSummary>;

/** A fugitive as the API returns it. */
export const Fugitive = z.object({
  id: z.uuid(),
  reference: FugitiveReference,
  agencyCode: AgencyCode,
  names: z.array(FugitiveName),
  birthDate: CalendarDate.nullable(),
  nationality: z.string(),
  sex: Sex.nullable(),
  passport: StoredPassport.nullable(),
  warrant: Warrant.nullable(),
  interpol: InterpolNotice.nullable(),
  dangerMarkers: z.array(DangerMarker),
  crimeTypes: z.array(CrimeTypeCode),
  description: z.string(),
  personEntityId: z.uuid().nullable(),
  linkedCaseIds: z.array(z.uuid()),
  linkedEntityIds: z.array(z.uuid()),
  markings: CaseMarkings,
  status: FugitiveState,
  statusChangedAt: Instant,
  flags: FugitiveFlags.nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.int().positive(),
});
export type Fugitive = z.infer<typeof Fugitive>;

// --- sightings --------------------------------------------------------------------------------------------

export const sightingSources = [
  'attache',
  'cctv',
  'stakeout',
  'informant',
  'partner_agency',
  'public_tip',
  'consular',
  'immigration',
  'other',
] as const;
export const SightingSource = z.enum(sightingSources);
export type SightingSource = z.infer<typeof SightingSource>;

export const verifications = ['unverified', 'confirmed', 'discounted'] as const;
export const Verification = z.enum(verifications);
export type Verification = z.infer<typeof Verification>;

export const SightingPlace = z
  .strictObject({
    province: CambodianProvince.optional(),
    /** As the source said it: a street, a building, a compound's name. */
    text: plainText().max(500).default(''),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), {
    message: 'Give both latitude and longitude, or neither',
    path: ['lon'],
  })
  .refine((p) => p.province !== undefined || p.text.length > 0 || p.lat !== undefined, {
    message: 'Say where: a province, a place or a map point',
    path: ['text'],
  });
export type SightingPlace = z.infer<typeof SightingPlace>;

export const SightingInput = z.strictObject({
  seenAt: Instant,
  place: SightingPlace,
  source: SightingSource,
  /** Who or what the source is; never leaves this node (the partner's rules forbid it). */
  sourceDetail: plainText().max(500).optional(),
  /** The 4x4 evaluation (markings.ts). */
  reliability: SourceReliability,
  accuracy: InformationAccuracy,
  description: plainText().min(1, 'Say what was seen').max(5_000),
  documentIds: z.array(z.uuid()).max(50).default([]),
});
export type SightingInput = z.infer<typeof SightingInput>;
export type SightingInputRaw = z.input<typeof SightingInput>;

export const SightingVerificationInput = z.strictObject({
  verification: Verification,
  note: plainText().max(1_000).optional(),
  /** A confirmed sighting of a fugitive still "wanted" moves him to "sighted" unless this is false. */
  advance: z.boolean().default(true),
});
export type SightingVerificationInput = z.infer<typeof SightingVerificationInput>;

export const Sighting = z.object({
  id: z.uuid(),
  fugitiveId: z.uuid(),
  seenAt: Instant,
  place: z.object({
    province: CambodianProvince.nullable(),
    text: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
  }),
  source: SightingSource,
  /** Null when none was given, or when it is withheld from the reader (then `sourceWithheld`). */
  sourceDetail: z.string().nullable(),
  sourceWithheld: z.boolean(),
  reliability: SourceReliability,
  accuracy: InformationAccuracy,
  description: z.string(),
  documentIds: z.array(z.uuid()),
  verification: Verification,
  verifiedBy: z.uuid().nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: Instant.nullable(),
  verificationNote: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  recordedAt: Instant,
});
export type Sighting = z.infer<typeof Sighting>;

/** The detail page: the record, its history, sightings and files. */
export const FugitiveDetail = z.object({
  fugitive: Fugitive,
  steps: z.array(FugitiveStep),
  sightings: z.array(Sighting),
  files: z.array(FugitiveFile),
  /** The states the next step may take (lifecycle.ts), for the step form. */
  nextStates: z.array(FugitiveState),
});
export type FugitiveDetail = z.infer<typeof FugitiveDetail>;

// --- list -------------------------------------------------------------------------------------------------

const flagFilter = z.enum(['true', 'false']).transform((v) => v === 'true');

export const FugitiveListQuery = z.strictObject({
  status: z
    .union([FugitiveState, z.array(FugitiveState)])
    .transform((s) => (Array.isArray(s) ? s : [s]))
    .optional(),
  /** Names in any script and aliases, the reference, the passport or the warrant number. */
  q: plainText().max(200).optional(),
  nationality: Nationality.optional(),
  warrant: WarrantFlag.optional(),
  stalled: flagFilter.optional(),
  /** Open: everything but closed (the default); all: closed too. */
  scope: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FugitiveListQuery = z.infer<typeof FugitiveListQuery>;

export const FugitiveList = z.object({
  items: z.array(FugitiveSummary),
  total: z.int().nonnegative(),
});
export type FugitiveList = z.infer<typeof FugitiveList>;

// --- matching (the fugitive flag reads this) ----------------------------------------------------------------

/** An open (not closed) fugitive as the fugitive flag matches against (server/src/fugitives/wanted-list.ts). */
export const WantedPerson = z.object({
  id: z.uuid(),
  reference: FugitiveReference,
  agencyCode: z.string(),
  names: z.array(FugitiveName),
  birthDate: CalendarDate.nullable(),
  /** Normalised ('KR:M12345678'), or null. */
  passportNumber: z.string().nullable(),
  nationality: z.string(),
  status: FugitiveState,
});
export type WantedPerson = z.infer<typeof WantedPerson>;

// --- numbers (the command dashboard, issue 13) ----------------------------------------------------------------

export const FugitiveStatsMonth = z.object({
  /** UTC month, YYYY-MM. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  located: z.int().nonnegative(),
  arrested: z.int().nonnegative(),
  /** Handed over to the receiving unit: returned. */
  returned: z.int().nonnegative(),
  /** Days from located to handed over, for those handed over this month; null when none. */
  medianDaysLocatedToReturned: z.number().nullable(),
  meanDaysLocatedToReturned: z.number().nullable(),
});
export type FugitiveStatsMonth = z.infer<typeof FugitiveStatsMonth>;

export const FugitiveStats = z.object({
  from: CalendarDate.nullable(),
  to: CalendarDate.nullable(),
  totals: z.object({
    open: z.int().nonnegative(),
    located: z.int().nonnegative(),
    arrested: z.int().nonnegative(),
    returned: z.int().nonnegative(),
    medianDaysLocatedToReturned: z.number().nullable(),
    meanDaysLocatedToReturned: z.number().nullable(),
  }),
  byMonth: z.array(FugitiveStatsMonth),
  byState: z.array(z.object({ state: FugitiveState, count: z.int().nonnegative() })),
});
export type FugitiveStats = z.infer<typeof FugitiveStats>;

export const FugitiveStatsQuery = z.strictObject({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type FugitiveStatsQuery = z.infer<typeof FugitiveStatsQuery>;
