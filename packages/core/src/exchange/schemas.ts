import { z } from 'zod';
import { AttachmentFilename } from '../cases/attachment-schema.ts';
import {
  HandlingCode,
  InformationAccuracy,
  LegalBasis,
  SourceReliability,
  Tlp,
} from '../markings/markings.ts';
import { DataCategory, PolicyMarkings } from '../policy/index.ts';
import { plainText } from '../text/text-schema.ts';

/** The exchange's message schemas, shared by the node's API and the web client. SIENA-style message kinds. */
export const ExchangeKind = z.enum(['request', 'reply', 'spontaneous', 'notification', 'rescue_alert']);
export type ExchangeKind = z.infer<typeof ExchangeKind>;
export const Priority = z.enum(['normal', 'high', 'urgent']);
export const Language = z.enum(['en', 'ko', 'km']);

/** The markings an officer chooses; the originating agency is always this node's. */
export const ItemMarkings = z.strictObject({
  handlingCode: HandlingCode,
  handlingNote: plainText().max(500).optional(),
  tlp: Tlp,
  legalBasis: LegalBasis,
  purpose: plainText().min(1).max(500),
  retainUntil: z.iso.date().optional(),
  sourceReliability: SourceReliability.default('X'),
  informationAccuracy: InformationAccuracy.default('4'),
  namedRecipients: z.array(z.string().min(2).max(16)).optional(),
});

export const Translation = z.strictObject({
  subject: plainText().max(300).optional(),
  body: plainText().max(20_000).optional(),
});
export const Attachment = z.strictObject({
  filename: AttachmentFilename.max(200),
  mediaType: z.string().min(3).max(100),
  /** Small attachments travel inline, base64, inside the encrypted message. */
  contentBase64: z.base64().max(700_000),
});
export const IdentifierRef = z.strictObject({
  kind: z.string().min(2).max(30),
  value: plainText().min(1).max(200),
});

/** A record of the node sent with an item, by its kind's wire name (`fugitive`, `sighting`, `operation`) and id. */
export const ExchangeRecordRef = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z_]{0,39}$/, 'Name a record kind, e.g. fugitive'),
  id: z.uuid(),
});
/** A record as it travels with an item: its shared fields as the sender's rules let them go. */
export const ExchangeRecord = z.object({
  kind: z.string(),
  id: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type ExchangeRecord = z.infer<typeof ExchangeRecord>;

export const ExchangeItemInput = z.strictObject({
  peer: z.string().min(2).max(60),
  kind: ExchangeKind,
  inReplyTo: z.uuid().optional(),
  subject: plainText().min(1).max(300),
  body: plainText().max(20_000).default(''),
  language: Language.default('en'),
  priority: Priority.default('normal'),
  deadline: z.iso.datetime({ offset: true }).optional(),
  questions: z.array(plainText().min(1).max(1_000)).max(50).default([]),
  translations: z.partialRecord(Language, Translation).default({}),
  identifiers: z.array(IdentifierRef).max(100).default([]),
  attachments: z.array(Attachment).max(10).default([]),
  /** Records of this node to send with the item (read as the sender may, cut to what the rules let go). */
  records: z.array(ExchangeRecordRef).max(20).optional(),
  categories: z.array(DataCategory).default([]),
  subjectNationalities: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  consentRecorded: z.boolean().optional(),
  ongoingOperation: z.boolean().optional(),
  hitReference: plainText().max(40).optional(),
  markings: ItemMarkings,
});
export type ExchangeItemInput = z.infer<typeof ExchangeItemInput>;
/** What a client sends to POST /api/v1/exchange/items and /policy-check (defaults may be left out). */
export type ExchangeItemBody = z.input<typeof ExchangeItemInput>;

export const ExchangeItem = z.object({
  id: z.string(),
  peer: z.string(),
  peerAgency: z.string(),
  direction: z.enum(['out', 'in']),
  kind: z.string(),
  threadId: z.string(),
  inReplyTo: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  priority: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  questions: z.array(z.string()),
  translations: z.record(z.string(), z.unknown()),
  identifiers: z.array(z.object({ kind: z.string(), value: z.string() })),
  attachments: z.array(z.object({ filename: z.string(), mediaType: z.string(), size: z.number() })),
  records: z.array(ExchangeRecord),
  markings: z.record(z.string(), z.unknown()),
  hitReference: z.string().nullable(),
  author: z.string(),
  authorAgency: z.string(),
  createdAt: z.string(),
  deliveryState: z.string().nullable(),
  deliveryError: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  obligations: z.array(z.unknown()),
  retainUntil: z.string().nullable(),
});
export type ExchangeItem = z.infer<typeof ExchangeItem>;

export const HitQueryInput = z.strictObject({
  peer: z.string().min(2).max(60),
  kind: z.enum([
    'phone',
    'bank_account',
    'crypto_wallet',
    'passport',
    'email',
    'messenger',
    'national_id',
    'name_birth_date',
  ]),
  value: plainText().min(1).max(200),
  /** For name_birth_date: the birth date (YYYY-MM-DD). */
  birthDate: z.iso.date().optional(),
  purpose: plainText().min(1).max(500),
});
export const HitAnswer = z.object({ peer: z.string(), hit: z.boolean(), reference: z.string() });
export type HitAnswer = z.infer<typeof HitAnswer>;

/**
 * Sharing a case with a peer: the header always; tasks, notes, entities (with their links), attachments
 * (metadata in the share, content pulled by the peer), fugitives (with their sightings) and operations linked
 * to the case, when chosen.
 */
export const CaseShareInput = z.strictObject({
  caseId: z.uuid(),
  peer: z.string().min(1).max(100),
  scope: z
    .array(z.enum(['tasks', 'notes', 'entities', 'attachments', 'fugitives', 'operations']))
    .max(6)
    .default(['tasks', 'notes']),
  markings: ItemMarkings.omit({ tlp: true, handlingCode: true, handlingNote: true }),
  categories: z.array(DataCategory).default([]),
});
export type CaseShareInput = z.infer<typeof CaseShareInput>;

export const CaseShareResult = z.object({
  caseId: z.uuid(),
  peer: z.string(),
  scope: z.array(z.string()),
  state: z.string(),
});
export type CaseShareResult = z.infer<typeof CaseShareResult>;

/** Which case's shares to list (GET /api/v1/exchange/case-shares). */
export const CaseShareListQuery = z.strictObject({ caseId: z.uuid() });

export const caseShareStates = ['active', 'retracted', 'disposed'] as const;

/**
 * One share of a case as its case page shows it: `origin` when this node shared it, `mirror` when a partner
 * shared it with us. `delivery` is the state of the share message (origin only; `failed` carries the
 * receiving node's reason, e.g. its rules' explanation).
 */
export const CaseShareView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  peer: z.string(),
  peerAgency: z.string(),
  peerCountry: z.string(),
  role: z.enum(['origin', 'mirror']),
  scope: z.array(z.string()),
  state: z.enum(caseShareStates),
  markings: PolicyMarkings,
  categories: z.array(z.string()),
  /** The receiving rules' conditions (mirror), e.g. `{ kind: 'retain_until', until, disposal }`. */
  obligations: z.array(z.looseObject({ kind: z.string() })),
  retainUntil: z.string().nullable(),
  sharedAt: z.iso.datetime({ offset: true }),
  /** Who shared it: a user of this node (origin), or the partner agency (mirror); null for a system job. */
  sharedBy: z.string().nullable(),
  retractedAt: z.iso.datetime({ offset: true }).nullable(),
  delivery: z
    .object({ state: z.enum(['queued', 'sent', 'delivered', 'failed']), error: z.string().nullable() })
    .nullable(),
});
export type CaseShareView = z.infer<typeof CaseShareView>;
