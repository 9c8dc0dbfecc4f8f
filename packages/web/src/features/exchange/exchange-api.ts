import type { HandlingCode, LegalBasisKind, Tlp } from '@liaison/core';
import { api } from '../../app/api.ts';

export const itemKinds = ['request', 'reply', 'spontaneous', 'notification', 'rescue_alert'] as const;
export const exchangePriorities = ['normal', 'high', 'urgent'] as const;
export const deliveryStates = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export const hitKinds = [
  'phone',
  'bank_account',
  'crypto_wallet',
  'passport',
  'email',
  'messenger',
  'national_id',
  'name_birth_date',
] as const;
/** The policy vocabulary of data categories (core policy/context.ts), for the "what does it contain" boxes. */
export const dataCategories = [
  'victim_personal_data',
  'suspect_personal_data',
  'witness_personal_data',
  'minor',
  'biometric',
  'dna',
  'health',
  'location',
  'financial',
  'identifier',
  'communications',
  'travel_document',
  'criminal_record',
  'intelligence_source',
] as const;

export type ItemLanguage = 'en' | 'ko' | 'km';

/** The markings as an item carries them (exchange/schemas ItemMarkings plus the originating agency). */
export interface ItemMarkings {
  originAgency?: string;
  handlingCode: HandlingCode;
  handlingNote?: string;
  tlp: Tlp;
  legalBasis: { kind: LegalBasisKind; reference?: string };
  purpose: string;
  retainUntil?: string;
  sourceReliability?: string;
  informationAccuracy?: string;
  namedRecipients?: string[];
}

/** One request, reply, notification or alert, as GET /api/v1/exchange/items answers it. */
export interface ExchangeItem {
  id: string;
  peer: string;
  peerAgency: string;
  direction: 'in' | 'out';
  kind: string;
  threadId: string;
  inReplyTo: string | null;
  subject: string;
  body: string;
  priority: string;
  deadline: string | null;
  overdue: boolean;
  questions: string[];
  translations: Partial<Record<ItemLanguage, { subject?: string; body?: string }>>;
  identifiers: { kind: string; value: string }[];
  attachments: { filename: string; mediaType: string; size: number }[];
  markings: Partial<ItemMarkings>;
  hitReference: string | null;
  author: string;
  authorAgency: string;
  createdAt: string;
  deliveryState: string | null;
  deliveryError: string | null;
  acknowledgedAt: string | null;
  readAt: string | null;
  obligations: { kind: string; [key: string]: unknown }[];
  retainUntil: string | null;
}

/** What POST /api/v1/exchange/items and /policy-check take. */
export interface ExchangeItemInput {
  peer: string;
  kind: (typeof itemKinds)[number];
  inReplyTo?: string;
  subject: string;
  body: string;
  language: ItemLanguage;
  priority: (typeof exchangePriorities)[number];
  deadline?: string;
  questions: string[];
  translations: Partial<Record<ItemLanguage, { subject?: string; body?: string }>>;
  identifiers: { kind: string; value: string }[];
  categories: string[];
  hitReference?: string;
  markings: Omit<ItemMarkings, 'originAgency'>;
}

export interface Peer {
  id: string;
  node: string;
  agency: string;
  country: string;
  url: string;
  status: 'active' | 'suspended';
  fingerprint: string;
  lastContactAt: string | null;
  queued: number;
}

export interface HitAnswer {
  peer: string;
  hit: boolean;
  reference: string;
}

const items = '/api/v1/exchange/items';
const one = (id: string) => `${items}/${encodeURIComponent(id)}`;

/** Typed calls for the exchange routes (server/exchange/routes.ts). */
export const exchangeApi = {
  list: (filter: { peer?: string; direction?: 'in' | 'out'; threadId?: string }) =>
    api.get<ExchangeItem[]>(items, { ...filter, limit: 200 }),
  get: (id: string) => api.get<ExchangeItem>(one(id)),
  send: (input: ExchangeItemInput) => api.post<ExchangeItem>(items, input),
  checkPolicy: (input: ExchangeItemInput) =>
    api.post<{ allowed: boolean; explanation: string }>('/api/v1/exchange/policy-check', input),
  markRead: (id: string) => api.post<ExchangeItem>(`${one(id)}/read`),
  acknowledge: (id: string) => api.post<ExchangeItem>(`${one(id)}/acknowledge`),
  askHit: (query: { peer: string; kind: string; value: string; birthDate?: string; purpose: string }) =>
    api.post<HitAnswer>('/api/v1/exchange/hit-queries', query),
  peers: () => api.get<Peer[]>('/api/v1/peers'),
};
