import { z } from 'zod';
import { AgencyCode } from '../accounts/schemas.ts';
import { CaseMarkings, CrimeTypeCode } from '../cases/case-schema.ts';
import { Tlp } from '../markings/markings.ts';
import { plainText } from '../text/text-schema.ts';

// Joint operations (shared/README.md workflow 4): intelligence → target → legal authority on each side → raid →
// arrests by nationality, rescued persons, seizures → evidence → follow-up. Inputs and responses, field by field;
// the go/no-go rule and the timing checks are in `./rules.ts`.

const Country = z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter country code');
const DateTime = z.iso.datetime({ offset: true, message: 'Give a date and time with its offset' });
const IsoDate = z.iso.date({ message: 'Give a date (YYYY-MM-DD)' });

/** planning → go | no_go; no_go → planning (revised); go → under_way (first log entry) → completed. */
export const operationStatuses = ['planning', 'go', 'no_go', 'under_way', 'completed', 'cancelled'] as const;
export const OperationStatus = z.enum(operationStatuses);
export type OperationStatus = z.infer<typeof OperationStatus>;

/** `CNP-OP-2026-0001`: the owning agency, the year, a sequence per agency and year. */
export const OperationReference = z.string().regex(/^[A-Z][A-Z0-9-]{1,15}-OP-\d{4}-\d{4,}$/);

// ---------------------------------------------------------------------------------------------- the plan

/** The legal instrument on one side: a warrant or an order, by its number. */
export const legalAuthorityKinds = [
  'arrest_warrant',
  'search_warrant',
  'court_order',
  'prosecutor_order',
  'police_order',
  'ministry_order',
  'mla_request',
] as const;
export const LegalAuthorityKind = z.enum(legalAuthorityKinds);
export type LegalAuthorityKind = z.infer<typeof LegalAuthorityKind>;

export const LegalAuthority = z
  .strictObject({
    /** The side this authority is for: one of the operation's two agencies. */
    agencyCode: AgencyCode,
    kind: LegalAuthorityKind,
    number: plainText().min(1, 'Give the warrant or order number').max(80),
    issuedBy: plainText().min(1, 'Name the court or authority that issued it').max(200),
    issuedOn: IsoDate,
    validUntil: IsoDate.optional(),
  })
  .refine((a) => a.validUntil === undefined || a.validUntil >= a.issuedOn, {
    message: 'It cannot expire before it was issued',
    path: ['validUntil'],
  });
export type LegalAuthority = z.infer<typeof LegalAuthority>;

export const teamRoles = [
  'command',
  'entry',
  'perimeter',
  'arrest',
  'rescue',
  'evidence',
  'forensics',
  'liaison',
  'medical',
  'transport',
] as const;
export const TeamRole = z.enum(teamRoles);
export type TeamRole = z.infer<typeof TeamRole>;

/**
 * A unit of one agency on the operation: the officers on this node by user id, and a head count that also covers
 * officers who have no account (tens of Cambodian officers join a raid).
 */
export const TeamInput = z
  .strictObject({
    agencyCode: AgencyCode,
    unitId: z.uuid().optional(),
    name: plainText().min(1, 'Name the team').max(120),
    role: TeamRole,
    leaderId: z.uuid().optional(),
    officerIds: z.array(z.uuid()).max(100).default([]),
    headcount: z.int().min(1, 'A team has at least one officer').max(1000),
    /** How the team is reached on the ground (radio channel, phone). */
    contact: plainText().max(120).optional(),
  })
  .refine((t) => t.headcount >= t.officerIds.length, {
    message: 'The head count cannot be smaller than the officers named',
    path: ['headcount'],
  })
  .refine((t) => new Set(t.officerIds).size === t.officerIds.length, {
    message: 'Name each officer once',
    path: ['officerIds'],
  });
export type TeamInput = z.infer<typeof TeamInput>;

export const targetKinds = ['compound', 'person', 'address'] as const;
export const TargetKind = z.enum(targetKinds);
export type TargetKind = z.infer<typeof TargetKind>;

const targetNote = plainText().max(1000).optional();
/** A compound from the register, a person (graph entity and/or fugitive), or an address. */
export const TargetInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('compound'), compoundId: z.uuid(), note: targetNote }),
  z
    .strictObject({
      kind: z.literal('person'),
      entityId: z.uuid().optional(),
      fugitiveId: z.uuid().optional(),
      label: plainText().min(1, 'Name the person').max(200),
      note: targetNote,
    })
    .refine((t) => t.entityId !== undefined || t.fugitiveId !== undefined || t.label.length > 0, {
      message: 'Name the person or link a graph person or a fugitive',
      path: ['label'],
    }),
  z.strictObject({
    kind: z.literal('address'),
    address: plainText().min(1, 'Give the address').max(500),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    note: targetNote,
  }),
]);
export type TargetInput = z.infer<typeof TargetInput>;

/** What was known of the target before the raid (rescue workflow's planning: size, guards, gates, routes, border). */
export const Intelligence = z.strictObject({
  summary: plainText().max(10_000).default(''),
  estimatedOccupants: z.int().min(0).max(100_000).optional(),
  buildings: z.int().min(0).max(500).optional(),
  gates: z.int().min(0).max(100).optional(),
  guards: z.int().min(0).max(1000).optional(),
  guardsArmed: z.boolean().default(false),
  routesIn: plainText().max(2000).default(''),
  routesOut: plainText().max(2000).default(''),
  borderDistanceKm: z.number().min(0).max(1000).optional(),
});
export type Intelligence = z.infer<typeof Intelligence>;

export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export const RiskLevel = z.enum(riskLevels);
export const Risk = z.strictObject({
  description: plainText().min(1, 'Describe the risk').max(1000),
  level: RiskLevel,
  mitigation: plainText().max(1000).default(''),
});
export type Risk = z.infer<typeof Risk>;

/** When: the briefing (optional), the start and the latest end of the raid. */
export const Timing = z.strictObject({
  briefingAt: DateTime.optional(),
  plannedStart: DateTime,
  plannedEnd: DateTime,
});
export type Timing = z.infer<typeof Timing>;

const operationFields = {
  codeName: plainText().min(1, 'Give the operation a code name').max(120),
  objective: plainText().min(1, 'State the objective').max(5000),
  /** The agency that leads on the ground, and its partner: the two sides whose legal authority a GO needs. */
  leadAgency: AgencyCode,
  partnerAgency: AgencyCode,
  crimeTypes: z.array(CrimeTypeCode).min(1, 'Choose at least one crime type').max(20),
  caseIds: z.array(z.uuid()).max(20),
  targets: z.array(TargetInput).max(50),
  intelligence: Intelligence,
  teams: z.array(TeamInput).max(50),
  legalAuthority: z.array(LegalAuthority).max(20),
  timing: Timing,
  risks: z.array(Risk).max(50),
  markings: CaseMarkings,
};

export const OperationInput = z
  .strictObject({
    ...operationFields,
    caseIds: operationFields.caseIds.default([]),
    targets: operationFields.targets.default([]),
    intelligence: Intelligence.default({
      summary: '',
      guardsArmed: false,
      routesIn: '',
      routesOut: '',
    }),
    teams: operationFields.teams.default([]),
    legalAuthority: operationFields.legalAuthority.default([]),
    risks: operationFields.risks.default([]),
  })
  .refine((o) => o.leadAgency !== o.partnerAgency, {
    message: 'A joint operation has two different agencies',
    path: ['partnerAgency'],
  });
export type OperationInput = z.infer<typeof OperationInput>;
export type OperationInputRaw = z.input<typeof OperationInput>;

/** Only the fields sent change. Allowed while planning or after a no-go (a GO'd plan is decided again). */
export const OperationPatch = z
  .strictObject({
    codeName: operationFields.codeName.optional(),
    objective: operationFields.objective.optional(),
    leadAgency: operationFields.leadAgency.optional(),
    partnerAgency: operationFields.partnerAgency.optional(),
    crimeTypes: operationFields.crimeTypes.optional(),
    caseIds: operationFields.caseIds.optional(),
    targets: operationFields.targets.optional(),
    intelligence: Intelligence.optional(),
    teams: operationFields.teams.optional(),
    legalAuthority: operationFields.legalAuthority.optional(),
    timing: Timing.optional(),
    risks: operationFields.risks.optional(),
    markings: CaseMarkings.optional(),
    /** The version read: a plan changed by someone else meanwhile is refused (409). */
    version: z.int().positive(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: 'Change at least one field' });
export type OperationPatch = z.infer<typeof OperationPatch>;

// ---------------------------------------------------------------------------------------------- the decision

export const DecisionInput = z
  .strictObject({
    decision: z.enum(['go', 'no_go']),
    reason: plainText().max(2000).default(''),
    version: z.int().positive(),
  })
  .refine((d) => d.decision === 'go' || d.reason.length > 0, {
    message: 'Say why the operation is not to go',
    path: ['reason'],
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const Decision = z.object({
  id: z.uuid(),
  decision: z.enum(['go', 'no_go']),
  reason: z.string(),
  decidedBy: z.uuid(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;

// ---------------------------------------------------------------------------------------------- the raid

export const logEntryKinds = [
  'arrived',
  'entered',
  'secured',
  'arrest',
  'rescue',
  'seizure',
  'note',
] as const;
export const LogEntryKind = z.enum(logEntryKinds);
export type LogEntryKind = z.infer<typeof LogEntryKind>;

const personName = plainText().min(1, 'Give the name').max(200);
const nationality = Country;

/** An arrested person: a graph person already on file, or a new one made from the name and nationality. */
export const ArrestInput = z.strictObject({
  personEntityId: z.uuid().optional(),
  name: personName,
  nationality,
  birthDate: IsoDate.optional(),
  passportNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{5,20}$/, 'Use the letters and digits of the passport number')
    .optional(),
  /** When the person is a wanted fugitive: the link is recorded and the fugitive moves to "arrested". */
  fugitiveId: z.uuid().optional(),
  arrestingAgency: AgencyCode,
  crimeType: CrimeTypeCode,
  note: plainText().max(1000).default(''),
});
export type ArrestInput = z.infer<typeof ArrestInput>;

/** A rescued person: linked to a rescue case on file, or a new rescue case opened for them. */
export const RescueInput = z.strictObject({
  rescueCaseId: z.uuid().optional(),
  name: personName,
  nationality,
  birthDate: IsoDate.optional(),
  note: plainText().max(1000).default(''),
});
export type RescueInput = z.infer<typeof RescueInput>;

export const seizureCategories = [
  'drugs',
  'cash',
  'phone',
  'computer',
  'vehicle',
  'weapon',
  'crypto',
  'document',
  'other',
] as const;
export const SeizureCategory = z.enum(seizureCategories);
export type SeizureCategory = z.infer<typeof SeizureCategory>;

const seizureCommon = {
  description: plainText().max(1000).default(''),
  /** Where on the site (building, floor, room). */
  place: plainText().max(300).default(''),
};
const count = z.int().min(1, 'At least one').max(100_000);
/** What was seized, by category, with the measure each category needs (issue 12 adopts these as evidence items). */
export const SeizureInput = z.discriminatedUnion('category', [
  z.strictObject({
    category: z.literal('drugs'),
    drugType: plainText().min(1, 'Name the drug').max(100),
    weightGrams: z.number().positive('Give the weight in grams').max(10_000_000),
    ...seizureCommon,
  }),
  z.strictObject({
    category: z.literal('cash'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code (USD, KHR, KRW)'),
    amount: z.number().positive('Give the amount').max(1e12),
    ...seizureCommon,
  }),
  z.strictObject({ category: z.literal('phone'), count, ...seizureCommon }),
  z.strictObject({ category: z.literal('computer'), count, ...seizureCommon }),
  z.strictObject({
    category: z.literal('vehicle'),
    count,
    plate: plainText().max(40).optional(),
    ...seizureCommon,
  }),
  z.strictObject({
    category: z.literal('weapon'),
    weaponType: plainText().min(1, 'Name the weapon type').max(100),
    count,
    ...seizureCommon,
  }),
  z.strictObject({
    category: z.literal('crypto'),
    asset: z.string().regex(/^[A-Z0-9]{2,10}$/, 'Name the asset (USDT, BTC, TRX)'),
    amount: z.number().positive('Give the amount').max(1e15),
    wallet: plainText().max(200).optional(),
    ...seizureCommon,
  }),
  z.strictObject({ category: z.literal('document'), count, ...seizureCommon }),
  z.strictObject({
    category: z.literal('other'),
    count,
    ...seizureCommon,
    description: plainText().min(1, 'Describe what was seized').max(1000),
  }),
]);
export type SeizureInput = z.infer<typeof SeizureInput>;

/**
 * One line of the execution log, typed on a phone on the ground. `clientId` makes a retried send (bad signal)
 * record the entry once. An arrest, rescue or seizure entry carries its record.
 */
export const LogEntryInput = z
  .strictObject({
    clientId: z.uuid().optional(),
    kind: LogEntryKind,
    /** When it happened; left out, when it is received. */
    at: DateTime.optional(),
    text: plainText().max(2000).default(''),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    arrest: ArrestInput.optional(),
    rescue: RescueInput.optional(),
    seizure: SeizureInput.optional(),
  })
  .superRefine((e, ctx) => {
    const records = { arrest: e.arrest, rescue: e.rescue, seizure: e.seizure } as const;
    for (const [kind, record] of Object.entries(records)) {
      if (e.kind === kind && record === undefined)
        ctx.addIssue({ code: 'custom', message: `An ${kind} entry needs its ${kind}`, path: [kind] });
      if (e.kind !== kind && record !== undefined)
        ctx.addIssue({ code: 'custom', message: `Only an ${kind} entry carries an ${kind}`, path: [kind] });
    }
    if (e.kind === 'note' && e.text.length === 0)
      ctx.addIssue({ code: 'custom', message: 'Write the note', path: ['text'] });
  });
export type LogEntryInput = z.infer<typeof LogEntryInput>;

export const LogEntry = z.object({
  id: z.uuid(),
  operationId: z.uuid(),
  seq: z.int().positive(),
  kind: LogEntryKind,
  at: z.string(),
  recordedAt: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string(),
  authorAgency: z.string(),
  text: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  arrestId: z.uuid().nullable(),
  rescueId: z.uuid().nullable(),
  seizureId: z.uuid().nullable(),
});
export type LogEntry = z.infer<typeof LogEntry>;

// ---------------------------------------------------------------------------------------------- the outcome

export const Arrest = z.object({
  id: z.uuid(),
  operationId: z.uuid(),
  personEntityId: z.uuid(),
  fugitiveId: z.uuid().nullable(),
  name: z.string(),
  nationality: z.string(),
  birthDate: z.string().nullable(),
  arrestingAgency: z.string(),
  crimeType: CrimeTypeCode,
  arrestedAt: z.string(),
  note: z.string(),
});
export type Arrest = z.infer<typeof Arrest>;

export const Rescue = z.object({
  id: z.uuid(),
  operationId: z.uuid(),
  rescueCaseId: z.uuid(),
  rescueCaseReference: z.string(),
  name: z.string(),
  nationality: z.string(),
  rescuedAt: z.string(),
  note: z.string(),
});
export type Rescue = z.infer<typeof Rescue>;

/**
 * A seizure as recorded on the raid. Shaped for issue 12's evidence register: a category, a description, a
 * measure (count, weight or amount with its unit), when, where and by whom; `evidenceItemId` is set when the
 * register adopts it as an evidence item.
 */
export const Seizure = z.object({
  id: z.uuid(),
  operationId: z.uuid(),
  category: SeizureCategory,
  description: z.string(),
  place: z.string(),
  quantity: z.number(),
  /** `g` for drugs, the ISO currency for cash, the asset for crypto, `item` for the rest. */
  unit: z.string(),
  drugType: z.string().nullable(),
  weaponType: z.string().nullable(),
  currency: z.string().nullable(),
  asset: z.string().nullable(),
  wallet: z.string().nullable(),
  plate: z.string().nullable(),
  seizedAt: z.string(),
  seizedBy: z.uuid().nullable(),
  evidenceItemId: z.uuid().nullable(),
});
export type Seizure = z.infer<typeof Seizure>;

/** A follow-up: a task made in a linked case through the cases service. */
export const FollowUpInput = z.strictObject({
  caseId: z.uuid(),
  title: plainText().min(1, 'Give the task a title').max(200),
  description: plainText().max(5_000).optional(),
  assigneeId: z.uuid().nullable().default(null),
  dueDate: IsoDate.nullable().default(null),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUp = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  taskId: z.uuid(),
  title: z.string(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** The tallies of an operation's outcome (`./rules.ts` `tallyOutcome`). */
export const OutcomeTally = z.object({
  arrests: z.int(),
  arrestsByNationality: z.record(z.string(), z.int()),
  fugitivesArrested: z.int(),
  rescues: z.int(),
  seizures: z.record(SeizureCategory, z.int()),
  drugsGrams: z.record(z.string(), z.number()),
  cash: z.record(z.string(), z.number()),
  crypto: z.record(z.string(), z.number()),
});
export type OutcomeTally = z.infer<typeof OutcomeTally>;

export const CompleteInput = z.strictObject({
  summary: plainText().max(5000).default(''),
  version: z.int().positive(),
});
export type CompleteInput = z.infer<typeof CompleteInput>;

// ---------------------------------------------------------------------------------------------- views

export const Target = z.object({
  id: z.uuid(),
  kind: TargetKind,
  compoundId: z.uuid().nullable(),
  entityId: z.uuid().nullable(),
  fugitiveId: z.uuid().nullable(),
  /** The compound's name, the person's name or the address. */
  label: z.string(),
  address: z.string().nullable(),
  province: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  compoundStatus: z.string().nullable(),
  note: z.string(),
});
export type Target = z.infer<typeof Target>;

export const Team = z.object({
  agencyCode: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  name: z.string(),
  role: TeamRole,
  leaderId: z.uuid().nullable(),
  leaderName: z.string().nullable(),
  officers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  headcount: z.int(),
  contact: z.string().nullable(),
});
export type Team = z.infer<typeof Team>;

/** A line of the operations list. */
export const OperationSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  codeName: z.string(),
  status: OperationStatus,
  statusChangedAt: z.string(),
  leadAgency: z.string(),
  partnerAgency: z.string(),
  crimeTypes: z.array(CrimeTypeCode),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  tlp: Tlp,
  handlingCode: z.string(),
  arrests: z.int(),
  rescues: z.int(),
  seizures: z.int(),
  updatedAt: z.string(),
});
export type OperationSummary = z.infer<typeof OperationSummary>;

/** One operation, all of it: what the operation page, the briefing pack and the partner's mirror read. */
export const OperationDetail = z.object({
  id: z.uuid(),
  reference: z.string(),
  codeName: z.string(),
  objective: z.string(),
  status: OperationStatus,
  statusChangedAt: z.string(),
  leadAgency: z.string(),
  partnerAgency: z.string(),
  ownerAgency: z.string(),
  crimeTypes: z.array(CrimeTypeCode),
  cases: z.array(z.object({ id: z.uuid(), number: z.string(), title: z.string() })),
  targets: z.array(Target),
  intelligence: Intelligence,
  teams: z.array(Team),
  legalAuthority: z.array(LegalAuthority),
  timing: Timing,
  risks: z.array(Risk),
  tlp: Tlp,
  handlingCode: z.string(),
  handlingNote: z.string().nullable(),
  decisions: z.array(Decision),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcomeSummary: z.string(),
  log: z.array(LogEntry),
  arrests: z.array(Arrest),
  rescues: z.array(Rescue),
  seizures: z.array(Seizure),
  followUps: z.array(FollowUp),
  tally: OutcomeTally,
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().positive(),
});
export type OperationDetail = z.infer<typeof OperationDetail>;

export const OperationList = z.object({ operations: z.array(OperationSummary) });
export type OperationList = z.infer<typeof OperationList>;

/** The live event pushed to watchers of an operation when a log entry is recorded (`operation.log`). */
export const OperationLogEvent = z.object({ operationId: z.uuid(), entry: LogEntry });
export type OperationLogEvent = z.infer<typeof OperationLogEvent>;

export const CancelInput = z.strictObject({
  reason: plainText().min(1, 'Say why the operation is called off').max(2000),
  version: z.int().positive(),
});
export type CancelInput = z.infer<typeof CancelInput>;
