import { type EntityType, entityTypeNames } from './entity-types.ts';
import type { LabelSet, PropertySpec } from './property-spec.ts';

export interface LinkTypeSpec {
  readonly label: LabelSet;
  readonly sources: readonly EntityType[];
  readonly targets: readonly EntityType[];
  /** False for symmetric relations (associate_of, family_of, same_as): source and target may be swapped. */
  readonly directed: boolean;
  /** same_as joins two records of one real thing, so both ends have the same type. */
  readonly sameTypeOnly?: boolean;
  readonly properties: readonly PropertySpec[];
}

const people = ['person'] as const;
const parties = ['person', 'organisation'] as const;
const holdings = [
  'phone',
  'email',
  'bank_account',
  'crypto_wallet',
  'messenger_account',
  'website',
  'vehicle',
  'identity_document',
] as const;
const channels = ['phone', 'messenger_account'] as const;
const funds = ['bank_account', 'crypto_wallet'] as const;
const at = { name: 'at', type: 'datetime' } as const;

/** Every link type of the knowledge graph, with the entity types it may join, described once. */
export const linkTypes = {
  member_of: {
    label: { en: 'member of', ko: '조직원', km: 'សមាជិកនៃ' },
    sources: people,
    targets: ['organisation'],
    directed: true,
    properties: [{ name: 'role', type: 'string', maxLength: 100 }],
  },
  leads: {
    label: { en: 'leads', ko: '총책', km: 'ដឹកនាំ' },
    sources: people,
    targets: ['organisation', 'compound'],
    directed: true,
    properties: [],
  },
  works_at: {
    label: { en: 'works at', ko: '근무', km: 'ធ្វើការនៅ' },
    sources: people,
    targets: ['organisation', 'compound'],
    directed: true,
    properties: [{ name: 'role', type: 'string', maxLength: 100 }],
  },
  located_at: {
    label: { en: 'located at', ko: '소재', km: 'ស្ថិតនៅ' },
    sources: ['person', 'organisation', 'vehicle', 'phone'],
    targets: ['compound'],
    directed: true,
    properties: [
      { name: 'building', type: 'string', maxLength: 100 },
      { name: 'floor', type: 'string', maxLength: 20 },
      { name: 'room', type: 'string', maxLength: 20 },
    ],
  },
  owns: {
    label: { en: 'owns', ko: '소유', km: 'ជាម្ចាស់' },
    sources: parties,
    targets: [...holdings, 'compound'],
    directed: true,
    properties: [],
  },
  uses: {
    label: { en: 'uses', ko: '사용', km: 'ប្រើប្រាស់' },
    sources: parties,
    targets: holdings,
    directed: true,
    properties: [],
  },
  called: {
    label: { en: 'called', ko: '통화', km: 'បានហៅទូរស័ព្ទ' },
    sources: channels,
    targets: channels,
    directed: true,
    properties: [at, { name: 'durationSeconds', type: 'number', min: 0 }],
  },
  messaged: {
    label: { en: 'messaged', ko: '메시지', km: 'បានផ្ញើសារ' },
    sources: [...channels, 'email'],
    targets: [...channels, 'email'],
    directed: true,
    properties: [at, { name: 'messageCount', type: 'number', min: 1 }],
  },
  transferred_to: {
    label: { en: 'transferred to', ko: '송금', km: 'បានផ្ទេរទៅ' },
    sources: funds,
    targets: funds,
    directed: true,
    properties: [
      { name: 'amount', type: 'number', required: true, min: 0 },
      { name: 'currency', type: 'string', required: true, format: 'currency' },
      { ...at, required: true },
      /** For on-chain transfers: the token moved (USDT, TRX…) and its amount, beside the fiat value above. */
      { name: 'asset', type: 'string', maxLength: 16 },
      { name: 'assetAmount', type: 'number', min: 0 },
      { name: 'reference', type: 'string', maxLength: 200 },
    ],
  },
  recruited: {
    label: { en: 'recruited', ko: '모집', km: 'បានជ្រើសរើស' },
    sources: parties,
    targets: people,
    directed: true,
    properties: [
      at,
      { name: 'channel', type: 'enum', values: ['job_ad', 'messenger', 'acquaintance', 'other'] },
    ],
  },
  associate_of: {
    label: { en: 'associate of', ko: '공범·지인', km: 'សហការី' },
    sources: parties,
    targets: parties,
    directed: false,
    properties: [],
  },
  family_of: {
    label: { en: 'family of', ko: '가족', km: 'គ្រួសារ' },
    sources: people,
    targets: people,
    directed: false,
    properties: [
      { name: 'relationship', type: 'enum', values: ['parent', 'child', 'sibling', 'spouse', 'other'] },
    ],
  },
  same_as: {
    label: { en: 'same as', ko: '동일', km: 'ដូចគ្នានឹង' },
    sources: entityTypeNames,
    targets: entityTypeNames,
    directed: false,
    sameTypeOnly: true,
    properties: [],
  },
} as const satisfies Record<string, LinkTypeSpec>;

export type LinkType = keyof typeof linkTypes;

/** Why a link of this type cannot join these entity types, or null when it can. */
export function linkEndpointProblem(
  type: LinkType,
  sourceType: EntityType,
  targetType: EntityType,
): string | null {
  const spec: LinkTypeSpec = linkTypes[type];
  const fits = (s: EntityType, t: EntityType) => spec.sources.includes(s) && spec.targets.includes(t);
  if (!fits(sourceType, targetType) && !(!spec.directed && fits(targetType, sourceType))) {
    return `A ${type} link goes from ${spec.sources.join('/')} to ${spec.targets.join('/')}, not from ${sourceType} to ${targetType}`;
  }
  if (spec.sameTypeOnly && sourceType !== targetType) {
    return `A ${type} link joins two entities of the same type, not ${sourceType} and ${targetType}`;
  }
  return null;
}
