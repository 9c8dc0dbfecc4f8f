import type { IdentifierKind, LabelSet, PropertySpec } from './property-spec.ts';
import { cambodianProvinceCodes, cambodianProvinces } from './provinces.ts';

/** Which property holds an identifier, of which kind, and which sibling property qualifies it (bank, chain). */
export interface IdentifierSpec {
  readonly property: string;
  readonly kind: IdentifierKind;
  readonly qualifier?: string;
  /** Only when another property has this value (an identity document's number is a passport number…). */
  readonly when?: { readonly property: string; readonly equals: string };
}

/** A caption part: a property, shown as is, as its year, as the primary name, or as its enum label. */
export interface CaptionPart {
  readonly property: string;
  readonly format?: 'year' | 'primaryName' | 'label';
}

export interface EntityTypeSpec {
  readonly label: LabelSet;
  readonly properties: readonly PropertySpec[];
  readonly identifiers: readonly IdentifierSpec[];
  /** The caption is `main (detail, detail)`, leaving out empty parts. */
  readonly caption: { readonly main: CaptionPart; readonly details: readonly CaptionPart[] };
}

const aliases = { name: 'aliases', type: 'string[]', maxLength: 200, maxItems: 50 } as const;
const country = { type: 'string', format: 'country' } as const;

/** Every entity type of the knowledge graph, described once. Validators, captions and forms derive from it. */
export const entityTypes = {
  person: {
    label: { en: 'Person', ko: '인물', km: 'បុគ្គល' },
    properties: [
      { name: 'names', type: 'names', required: true, maxItems: 30 },
      { name: 'birthDate', type: 'date', notInFuture: true },
      { name: 'sex', type: 'enum', values: ['female', 'male', 'unknown'] },
      { name: 'nationalities', type: 'string[]', format: 'country', maxItems: 5 },
      { name: 'passportNumbers', type: 'string[]', maxLength: 32, maxItems: 20 },
      { name: 'idNumbers', type: 'string[]', maxLength: 32, maxItems: 20 },
      { name: 'photos', type: 'string[]', format: 'uuid', maxItems: 50 },
    ],
    identifiers: [
      { property: 'passportNumbers', kind: 'passport' },
      { property: 'idNumbers', kind: 'national_id' },
    ],
    caption: {
      main: { property: 'names', format: 'primaryName' },
      details: [{ property: 'birthDate', format: 'year' }],
    },
  },
  organisation: {
    label: { en: 'Organisation', ko: '조직', km: 'អង្គការ' },
    properties: [
      { name: 'name', type: 'string', required: true, maxLength: 300 },
      aliases,
      { name: 'kind', type: 'enum', values: ['company', 'criminal_group', 'government', 'ngo', 'other'] },
      { name: 'country', ...country },
      { name: 'registrationNumber', type: 'string', maxLength: 64 },
    ],
    identifiers: [],
    caption: { main: { property: 'name' }, details: [{ property: 'country' }] },
  },
  compound: {
    label: { en: 'Compound', ko: '범죄단지', km: 'បរិវេណ' },
    properties: [
      { name: 'name', type: 'string', required: true, maxLength: 300 },
      aliases,
      { name: 'address', type: 'string', maxLength: 1_000 },
      { name: 'province', type: 'enum', values: cambodianProvinceCodes, valueLabels: cambodianProvinces },
      { name: 'coordinates', type: 'geo' },
      { name: 'status', type: 'enum', values: ['active', 'raided', 'relocated', 'closed'] },
    ],
    identifiers: [],
    caption: { main: { property: 'name' }, details: [{ property: 'province', format: 'label' }] },
  },
  phone: {
    label: { en: 'Phone number', ko: '전화번호', km: 'លេខទូរស័ព្ទ' },
    properties: [
      { name: 'number', type: 'string', required: true, maxLength: 40 },
      { name: 'carrier', type: 'string', maxLength: 100 },
    ],
    identifiers: [{ property: 'number', kind: 'phone' }],
    caption: { main: { property: 'number' }, details: [{ property: 'carrier' }] },
  },
  email: {
    label: { en: 'Email address', ko: '이메일', km: 'អ៊ីមែល' },
    properties: [{ name: 'address', type: 'string', required: true, maxLength: 254 }],
    identifiers: [{ property: 'address', kind: 'email' }],
    caption: { main: { property: 'address' }, details: [] },
  },
  bank_account: {
    label: { en: 'Bank account', ko: '은행 계좌', km: 'គណនីធនាគារ' },
    properties: [
      { name: 'number', type: 'string', required: true, maxLength: 64 },
      { name: 'bank', type: 'string', required: true, maxLength: 200 },
      { name: 'holderName', type: 'string', maxLength: 300 },
      { name: 'country', ...country },
    ],
    identifiers: [{ property: 'number', kind: 'bank_account', qualifier: 'bank' }],
    caption: { main: { property: 'number' }, details: [{ property: 'bank' }, { property: 'holderName' }] },
  },
  crypto_wallet: {
    label: { en: 'Crypto wallet', ko: '가상자산 지갑', km: 'កាបូបគ្រីបតូ' },
    properties: [
      { name: 'address', type: 'string', required: true, maxLength: 128 },
      {
        name: 'chain',
        type: 'enum',
        required: true,
        values: ['tron', 'ethereum', 'bitcoin', 'bsc', 'solana', 'polygon', 'other'],
      },
      { name: 'assets', type: 'string[]', maxLength: 16, maxItems: 20 },
      { name: 'exchange', type: 'string', maxLength: 200 },
    ],
    identifiers: [{ property: 'address', kind: 'crypto_wallet', qualifier: 'chain' }],
    caption: { main: { property: 'address' }, details: [{ property: 'chain' }] },
  },
  messenger_account: {
    label: { en: 'Messenger account', ko: '메신저 계정', km: 'គណនីកម្មវិធីផ្ញើសារ' },
    properties: [
      {
        name: 'platform',
        type: 'enum',
        required: true,
        values: ['telegram', 'kakaotalk', 'line', 'whatsapp', 'wechat', 'signal', 'facebook', 'other'],
      },
      { name: 'handle', type: 'string', required: true, maxLength: 200 },
      { name: 'displayName', type: 'string', maxLength: 200 },
    ],
    identifiers: [{ property: 'handle', kind: 'messenger', qualifier: 'platform' }],
    caption: { main: { property: 'handle' }, details: [{ property: 'platform' }] },
  },
  website: {
    label: { en: 'Website', ko: '웹사이트', km: 'គេហទំព័រ' },
    properties: [
      { name: 'url', type: 'string', required: true, maxLength: 2_048 },
      { name: 'domain', type: 'string', maxLength: 253 },
      {
        name: 'category',
        type: 'enum',
        values: ['fake_shopping_mall', 'investment_platform', 'betting', 'recruitment', 'phishing', 'other'],
      },
    ],
    identifiers: [
      { property: 'url', kind: 'url' },
      { property: 'domain', kind: 'domain' },
    ],
    caption: { main: { property: 'url' }, details: [{ property: 'category' }] },
  },
  vehicle: {
    label: { en: 'Vehicle', ko: '차량', km: 'យានយន្ត' },
    properties: [
      { name: 'plate', type: 'string', required: true, maxLength: 20 },
      { name: 'country', ...country },
      { name: 'make', type: 'string', maxLength: 100 },
      { name: 'model', type: 'string', maxLength: 100 },
      { name: 'colour', type: 'string', maxLength: 50 },
    ],
    identifiers: [],
    caption: { main: { property: 'plate' }, details: [{ property: 'make' }, { property: 'model' }] },
  },
  identity_document: {
    label: { en: 'Identity document', ko: '신분증', km: 'ឯកសារអត្តសញ្ញាណ' },
    properties: [
      { name: 'documentType', type: 'enum', required: true, values: ['passport', 'national_id', 'other'] },
      { name: 'number', type: 'string', required: true, maxLength: 32 },
      { name: 'issuingCountry', required: true, ...country },
      { name: 'issueDate', type: 'date', notInFuture: true },
      { name: 'expiryDate', type: 'date' },
      { name: 'status', type: 'enum', values: ['valid', 'expired', 'invalidated', 'lost_stolen'] },
    ],
    identifiers: [
      { property: 'number', kind: 'passport', when: { property: 'documentType', equals: 'passport' } },
      { property: 'number', kind: 'national_id', when: { property: 'documentType', equals: 'national_id' } },
    ],
    caption: {
      main: { property: 'number' },
      details: [{ property: 'documentType' }, { property: 'issuingCountry' }],
    },
  },
} as const satisfies Record<string, EntityTypeSpec>;

export type EntityType = keyof typeof entityTypes;
export const entityTypeNames = Object.keys(entityTypes) as [EntityType, ...EntityType[]];

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && Object.hasOwn(entityTypes, value);
}
