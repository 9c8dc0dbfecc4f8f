import type { Actor } from '@liaison/core';
import type { Ctx } from '../context.ts';
import { createEntities } from '../graph/entities/entity-writes.ts';
import { createLink } from '../graph/links/link-service.ts';

/**
 * The demo knowledge graph, drawn from public reporting on Cambodian scam compounds (figures and names are
 * invented): a KNPA voice-phishing ring with its leader, recruiter, phones, mule accounts and TRON wallet, and the
 * CNP's Sihanoukville compound with a Cambodian manager. One Cambodian phone sits in both cases, so the demo
 * opens with a cross-agency hit. The e2e journey's phone (012 345 678) is deliberately absent.
 */
const knpaCase = '캄보디아 거점 보이스피싱 조직 (바벳)';
const cnpCase = 'Scam compound in Sihanoukville: forced criminality';
const investmentCase = 'Investment tip chat rooms laundering through USDT';
const wallet = 'TENmqTAY51Y4SEmUwZsYhPSeb4uUhrAtXD';
const sharedPhone = '+855 97 612 3456';

const person = (hangul: string, latin: string, extra: Record<string, unknown> = {}) => ({
  type: 'person',
  properties: {
    names: [
      { value: hangul, script: 'hangul', kind: 'primary' },
      { value: latin, script: 'latin', kind: 'romanised' },
    ],
    ...extra,
  },
});

async function actorOf(ctx: Ctx, email: string): Promise<Actor | undefined> {
  const user = await ctx.app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.agency_id',
      'users.unit_id',
      'users.roles',
      'users.email',
      'users.display_name',
      'agencies.code',
    ])
    .where('users.email', '=', email)
    .executeTakeFirst();
  if (!user) return undefined;
  return {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.code,
    unitId: user.unit_id,
    roles: user.roles,
    email: user.email,
    displayName: user.display_name,
    via: 'system',
    job: 'demo',
  };
}

async function caseId(ctx: Ctx, title: string): Promise<string | undefined> {
  const found = await ctx.app.db
    .selectFrom('cases')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirst();
  return found?.id;
}

/** Idempotent: when the ring's TRON wallet exists, the demo graph is already there. */
export async function seedDemoGraph(ctx: Ctx): Promise<void> {
  const db = ctx.app.db;
  const seeded = await db
    .selectFrom('entities')
    .select('id')
    .where('caption', 'like', `${wallet}%`)
    .executeTakeFirst();
  if (seeded) return;
  const knpa = await actorOf(ctx, 'investigator@knpa.demo');
  const cnp = await actorOf(ctx, 'investigator@cnp.demo');
  const ringCase = await caseId(ctx, knpaCase);
  const compoundCase = await caseId(ctx, cnpCase);
  const usdtCase = await caseId(ctx, investmentCase);
  if (!knpa || !cnp || !ringCase || !compoundCase || !usdtCase) return;

  const ring = await createEntities(ctx, knpa, [
    {
      ...person('한복남', 'HAN BOKNAM', { birthDate: '1984-03-12', sex: 'male', nationalities: ['KR'] }),
      caseId: ringCase,
      role: 'suspect',
    },
    {
      ...person('김민수', 'KIM MINSU', { birthDate: '1991-07-02', sex: 'male', nationalities: ['KR'] }),
      caseId: ringCase,
      role: 'suspect',
    },
    {
      ...person('이지은', 'LEE JIEUN', { sex: 'female', nationalities: ['KR'] }),
      caseId: ringCase,
      role: 'victim',
    },
    { type: 'phone', properties: { number: sharedPhone, carrier: 'Smart Axiata' }, caseId: ringCase },
    { type: 'phone', properties: { number: '010-2345-6789', carrier: 'SKT' }, caseId: ringCase },
    {
      type: 'bank_account',
      properties: { number: '123-45-678901', bank: '국민은행', holderName: '박대포', country: 'KR' },
      caseId: ringCase,
    },
    {
      type: 'bank_account',
      properties: { number: '110-123-456789', bank: '신한은행', holderName: '최명의', country: 'KR' },
      caseId: ringCase,
    },
    {
      type: 'crypto_wallet',
      properties: { address: wallet, chain: 'tron', assets: ['USDT'] },
      caseId: usdtCase,
    },
    {
      type: 'messenger_account',
      properties: { platform: 'telegram', handle: '@babet_boss', displayName: '사장님' },
      caseId: ringCase,
    },
  ]);
  const compound = await createEntities(ctx, cnp, [
    {
      type: 'compound',
      properties: {
        name: 'Golden Sands compound',
        aliases: ['Building K9'],
        province: 'preah_sihanouk',
        address: 'Otres road, Sihanoukville',
        status: 'active',
      },
      caseId: compoundCase,
    },
    {
      type: 'person',
      properties: {
        names: [
          { value: 'សុខ ដារ៉ា', script: 'khmer', kind: 'primary' },
          { value: 'SOK DARA', script: 'latin', kind: 'romanised' },
        ],
        nationalities: ['KH'],
      },
      caseId: compoundCase,
      role: 'suspect',
    },
    { type: 'phone', properties: { number: sharedPhone, carrier: 'Smart Axiata' }, caseId: compoundCase },
  ]);
  const [han, kim, , khPhone, krPhone, kbMule, shinhanMule, tron, telegram] = ring.map((c) => c.entity.id);
  const [site, sok, cnpPhone] = compound.map((c) => c.entity.id);
  const links: Array<[Actor, Record<string, unknown>]> = [
    [knpa, { type: 'uses', sourceId: han, targetId: khPhone, validFrom: '2025-06-01' }],
    [knpa, { type: 'uses', sourceId: han, targetId: telegram }],
    [knpa, { type: 'uses', sourceId: han, targetId: tron, validFrom: '2025-08-01' }],
    [knpa, { type: 'associate_of', sourceId: han, targetId: kim }],
    [knpa, { type: 'uses', sourceId: kim, targetId: krPhone }],
    [
      knpa,
      {
        type: 'called',
        sourceId: krPhone,
        targetId: khPhone,
        properties: { at: '2025-11-03T10:15:00+09:00', durationSeconds: 420 },
      },
    ],
    [
      knpa,
      {
        type: 'transferred_to',
        sourceId: kbMule,
        targetId: tron,
        properties: {
          amount: 48_000_000,
          currency: 'KRW',
          at: '2025-11-04T14:02:00+09:00',
          asset: 'USDT',
          assetAmount: 34_500,
        },
      },
    ],
    [
      knpa,
      {
        type: 'transferred_to',
        sourceId: shinhanMule,
        targetId: tron,
        properties: {
          amount: 21_500_000,
          currency: 'KRW',
          at: '2025-11-06T09:40:00+09:00',
          asset: 'USDT',
          assetAmount: 15_400,
        },
      },
    ],
    [
      knpa,
      {
        type: 'messaged',
        sourceId: telegram,
        targetId: krPhone,
        properties: { at: '2025-10-28T21:00:00+09:00', messageCount: 37 },
      },
    ],
    [cnp, { type: 'works_at', sourceId: sok, targetId: site, properties: { role: 'floor manager' } }],
    [cnp, { type: 'uses', sourceId: sok, targetId: cnpPhone }],
    [cnp, { type: 'located_at', sourceId: cnpPhone, targetId: site }],
  ];
  for (const [actor, link] of links) await createLink(ctx, actor, { properties: {}, ...link });
}
