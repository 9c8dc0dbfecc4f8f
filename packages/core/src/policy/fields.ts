import {
  HandlingCode,
  InformationAccuracy,
  LegalBasisKind,
  SourceReliability,
  tlpLevels,
} from '../markings/markings.ts';
import { dataCategories, itemKinds, type PolicyInput, policyActions } from './context.ts';

/** The type of a field as conditions see it; operands are checked against it when a rule file loads. */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'list'; of: { kind: 'string' } | { kind: 'enum'; values: readonly string[] } };

export type FieldValue = string | boolean | readonly string[] | undefined;

interface FieldSpec {
  type: FieldType;
  get: (input: PolicyInput) => FieldValue;
}

const text = { kind: 'string' } as const;
const oneOf = (values: readonly string[]) => ({ kind: 'enum', values }) as const;
const flag = { kind: 'boolean' } as const;
const day = { kind: 'date' } as const;

/**
 * Every field a rule may read, each with an explicit getter: conditions never walk objects by name, so a
 * rule file cannot reach anything outside this list.
 */
export const policyFields = {
  action: { type: oneOf(policyActions), get: (i) => i.action },
  now: { type: day, get: (i) => i.now },
  'sender.agency': { type: text, get: (i) => i.sender.agency },
  'sender.country': { type: text, get: (i) => i.sender.country },
  'recipient.agency': { type: text, get: (i) => i.recipient.agency },
  'recipient.country': { type: text, get: (i) => i.recipient.country },
  'item.kind': { type: oneOf(itemKinds), get: (i) => i.item.kind },
  'item.categories': { type: { kind: 'list', of: oneOf(dataCategories) }, get: (i) => i.item.categories },
  'item.consentRecorded': { type: flag, get: (i) => i.item.consentRecorded },
  'item.subjectNationalities': { type: { kind: 'list', of: text }, get: (i) => i.item.subjectNationalities },
  'item.ongoingOperation': { type: flag, get: (i) => i.item.ongoingOperation },
  'item.providerPermission': { type: flag, get: (i) => i.item.providerPermission },
  'markings.originAgency': { type: text, get: (i) => i.markings.originAgency },
  'markings.handlingCode': { type: oneOf(HandlingCode.options), get: (i) => i.markings.handlingCode },
  'markings.handlingNote': { type: text, get: (i) => i.markings.handlingNote },
  'markings.tlp': { type: oneOf(tlpLevels), get: (i) => i.markings.tlp },
  'markings.legalBasis.kind': { type: oneOf(LegalBasisKind.options), get: (i) => i.markings.legalBasis.kind },
  'markings.legalBasis.reference': { type: text, get: (i) => i.markings.legalBasis.reference },
  'markings.purpose': { type: text, get: (i) => i.markings.purpose },
  'markings.retainUntil': { type: day, get: (i) => i.markings.retainUntil },
  'markings.sourceReliability': {
    type: oneOf(SourceReliability.options),
    get: (i) => i.markings.sourceReliability,
  },
  'markings.informationAccuracy': {
    type: oneOf(InformationAccuracy.options),
    get: (i) => i.markings.informationAccuracy,
  },
  'markings.namedRecipients': { type: { kind: 'list', of: text }, get: (i) => i.markings.namedRecipients },
} as const satisfies Record<string, FieldSpec>;

export type FieldPath = keyof typeof policyFields;
export const fieldPaths = Object.keys(policyFields) as FieldPath[];

export function isFieldPath(value: unknown): value is FieldPath {
  return typeof value === 'string' && Object.hasOwn(policyFields, value);
}

export function readField(input: PolicyInput, path: FieldPath): FieldValue {
  return (policyFields[path] as FieldSpec).get(input);
}

export function fieldType(path: FieldPath): FieldType {
  return policyFields[path].type;
}

/** The calendar day (UTC) of a date or date-time, so `retainUntil` and `now` compare by day. */
export function toDay(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}
