import type { GraphEntity, GraphLink } from './build-graph.ts';

/**
 * A small scam ring for algorithm tests: a boss leads a syndicate that owns a compound; a recruiter lures a
 * job seeker into it; the victim's money runs through two mule accounts into the boss's TRON wallet.
 * One unrelated person stands apart.
 */
export const scamRingEntities: GraphEntity[] = [
  { id: 'boss', type: 'person', caption: '박두목 (1979)' },
  { id: 'syndicate', type: 'organisation', caption: 'Golden Dragon group' },
  { id: 'compound', type: 'compound', caption: 'Golden Fortune (Preah Sihanouk)' },
  { id: 'recruiter', type: 'person', caption: 'Lee Jiho (1995)' },
  { id: 'recruiterPhone', type: 'phone', caption: '+855 12 345 678' },
  { id: 'victim', type: 'person', caption: 'Kim Minsu (2001)' },
  { id: 'victimAccount', type: 'bank_account', caption: '110-123-456789 (Shinhan)' },
  { id: 'mule1', type: 'bank_account', caption: '352-0987-6543-21 (NH)' },
  { id: 'mule2', type: 'bank_account', caption: '1002-345-678901 (Woori)' },
  { id: 'tron', type: 'crypto_wallet', caption: 'TXk8…9f (tron)' },
  { id: 'bossTelegram', type: 'messenger_account', caption: '@golden_boss (telegram)' },
  { id: 'stranger', type: 'person', caption: 'Sok Dara' },
];

const link = (
  id: string,
  type: GraphLink['type'],
  sourceId: string,
  targetId: string,
  extra = {},
): GraphLink => ({
  id,
  type,
  sourceId,
  targetId,
  ...extra,
});

export const scamRingLinks: GraphLink[] = [
  link('l1', 'leads', 'boss', 'syndicate'),
  link('l2', 'member_of', 'recruiter', 'syndicate', { validFrom: '2025-03-01' }),
  link('l3', 'owns', 'syndicate', 'compound'),
  link('l4', 'uses', 'recruiter', 'recruiterPhone'),
  link('l5', 'recruited', 'recruiter', 'victim', { properties: { at: '2025-08-01T10:00:00+09:00' } }),
  link('l6', 'located_at', 'victim', 'compound', { validFrom: '2025-08-10', validTo: '2025-10-20' }),
  link('l7', 'uses', 'boss', 'bossTelegram'),
  link('l8', 'transferred_to', 'victimAccount', 'mule1', { properties: { at: '2025-09-02T09:00:00+09:00' } }),
  link('l9', 'transferred_to', 'victimAccount', 'mule2', { properties: { at: '2025-09-03T10:00:00+09:00' } }),
  link('l10', 'transferred_to', 'mule1', 'tron', { properties: { at: '2025-09-02T11:30:00+07:00' } }),
  link('l11', 'transferred_to', 'mule2', 'tron', { properties: { at: '2025-09-04T08:00:00+07:00' } }),
  link('l12', 'owns', 'boss', 'tron'),
  link('l13', 'owns', 'victim', 'victimAccount'),
];
