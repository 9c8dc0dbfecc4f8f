import type { HandlingCode, LegalBasisKind, Tlp } from '@liaison/core';
import type { PolicyCheckAnswer } from '@liaison/core/exchange/policy-check';
import {
  type ExchangeItem as CoreExchangeItem,
  type HitAnswer as CoreHitAnswer,
  type ExchangeItemBody,
  ExchangeKind,
  Priority,
} from '@liaison/core/exchange/schemas';
import { dataCategories as policyDataCategories } from '@liaison/core/policy/context';
import { api } from '../../app/api.ts';
import { type Peer, peersApi } from '../peers/peers-api.ts';

export const itemKinds = ExchangeKind.options;
export const exchangePriorities = Priority.options;
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
/** The policy vocabulary of data categories, for the "what does it contain" boxes. */
export const dataCategories = policyDataCategories;

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

/**
 * One request, reply, notification or alert, as GET /api/v1/exchange/items answers it: core's schema, with
 * the fields it leaves open (markings, translations, obligations) spelled out for the screens.
 */
export type ExchangeItem = Omit<
  CoreExchangeItem,
  'markings' | 'translations' | 'obligations' | 'direction'
> & {
  direction: 'in' | 'out';
  translations: Partial<Record<ItemLanguage, { subject?: string; body?: string }>>;
  markings: Partial<ItemMarkings>;
  obligations: { kind: string; [key: string]: unknown }[];
};

/** What POST /api/v1/exchange/items and /policy-check take: core's input schema. */
export type ExchangeItemInput = ExchangeItemBody;

/** A partner node, as the federation administration lists it. */
export type { Peer };

export type HitAnswer = CoreHitAnswer;

const items = '/api/v1/exchange/items';
const one = (id: string) => `${items}/${encodeURIComponent(id)}`;

/** Typed calls for the exchange routes (server/exchange/routes.ts). */
export const exchangeApi = {
  list: (filter: { peer?: string; direction?: 'in' | 'out'; threadId?: string }) =>
    api.get<ExchangeItem[]>(items, { ...filter, limit: 200 }),
  get: (id: string) => api.get<ExchangeItem>(one(id)),
  send: (input: ExchangeItemInput) => api.post<ExchangeItem>(items, input),
  checkPolicy: (input: ExchangeItemInput) =>
    api.post<PolicyCheckAnswer>('/api/v1/exchange/policy-check', input),
  markRead: (id: string) => api.post<ExchangeItem>(`${one(id)}/read`),
  acknowledge: (id: string) => api.post<ExchangeItem>(`${one(id)}/acknowledge`),
  askHit: (query: { peer: string; kind: string; value: string; birthDate?: string; purpose: string }) =>
    api.post<HitAnswer>('/api/v1/exchange/hit-queries', query),
  peers: peersApi.list,
};
