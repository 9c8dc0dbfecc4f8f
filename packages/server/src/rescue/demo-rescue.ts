import type { RescueReportInput } from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import { systemActor } from '../cli/system-actor.ts';
import { createCompound } from '../compounds/compounds-service.ts';
import type { Ctx } from '../context.ts';
import { fileReport } from './intake-service.ts';

/** Compounds named in public reporting; names are the demo's own, coordinates approximate. */
const compounds = [
  {
    name: 'Golden Fortune Park',
    aliases: ['GF Park', '금운 단지'],
    province: 'preah_sihanouk' as const,
    lat: 10.655,
    lon: 103.53,
    status: 'active' as const,
  },
  {
    name: 'Jin Bei 4',
    aliases: ['Bavet Star Casino compound'],
    province: 'svay_rieng' as const,
    lat: 11.078,
    lon: 106.135,
    status: 'raided' as const,
  },
  {
    name: 'Poipet Royal Hill',
    aliases: ['Royal Hill'],
    province: 'banteay_meanchey' as const,
    lat: 13.655,
    lon: 102.58,
    status: 'relocated' as const,
  },
  {
    name: 'Bokor Mountain Resort block C',
    aliases: ['Bokor C'],
    province: 'kampot' as const,
    lat: 10.62,
    lon: 104.03,
    status: 'active' as const,
  },
  {
    name: 'O Raing border camp',
    aliases: ['Three Gates'],
    province: 'mondulkiri' as const,
    lat: 12.35,
    lon: 107.53,
    status: 'active' as const,
    notes: 'About 50 m from the Vietnamese border, three gates, armed guards.',
  },
];

type DemoReport = Omit<RescueReportInput, 'website'>;

const reports: (DemoReport & { compound: number })[] = [
  {
    compound: 0,
    channel: 'family_call',
    consentToProcessing: true,
    reporter: { relation: 'mother', language: 'ko', phone: '010-4821-7730' },
    person: {
      namesHangul: ['김도현'],
      namesLatin: ['KIM DOHYEON'],
      birthDate: '2001-02-17',
      passportNumber: 'M70442159',
      phone: '010-3391-0042',
      telegram: '@dohyeon_k',
      nationality: 'KR',
    },
    location: { compoundName: 'Golden Fortune Park', province: 'preah_sihanouk', floor: '9', room: '903' },
    narrative:
      'Went for a "customer service" job paying 10 million won a month. Beaten after refusing to make scam calls. Family received a ransom demand of 20,000 USDT.',
    ransom: { amount: 20000, currency: 'USDT', wallet: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf' },
    indicators: ['violence', 'ransom_demand', 'confinement_confirmed'],
  },
  {
    compound: 1,
    channel: 'hotline_1394',
    consentToProcessing: true,
    reporter: { relation: 'friend', language: 'ko' },
    person: {
      namesLatin: ['LEE JUNSEO'],
      birthDate: '1998-11-03',
      phone: '+855 96 555 0192',
      nationality: 'KR',
    },
    location: { compoundName: 'Jin Bei 4', province: 'svay_rieng' },
    narrative:
      'Messaged a friend from a Cambodian number saying he was moved to Bavet and might be sold to another company.',
    indicators: ['threat_of_resale_or_transfer', 'no_contact_over_72h'],
  },
  {
    compound: 2,
    channel: 'embassy_line',
    consentToProcessing: false,
    reporter: { relation: 'self', language: 'ko' },
    person: {
      namesHangul: ['박서윤'],
      namesLatin: ['PARK SEOYUN'],
      birthDate: '2003-06-21',
      nationality: 'KR',
    },
    location: { compoundName: 'Poipet Royal Hill', province: 'banteay_meanchey', floor: '4' },
    narrative: 'Called the embassy line at night from a borrowed phone; passport taken by the manager.',
    indicators: ['confinement_confirmed'],
  },
  {
    compound: 3,
    channel: 'consular_centre',
    consentToProcessing: true,
    reporter: { relation: 'father', language: 'ko' },
    person: { namesHangul: ['최민재'], birthDate: '1996-09-09', nationality: 'KR' },
    location: { compoundName: 'Bokor C', province: 'kampot' },
    narrative: 'Son needs daily medication; last message said guards took his phone and hit him.',
    indicators: ['medical_need', 'violence'],
  },
  {
    compound: 4,
    channel: 'intelligence_service',
    consentToProcessing: false,
    reporter: { relation: 'other', language: 'en' },
    person: { namesLatin: ['JUNG HAJUN'], nationality: 'KR', telegram: '@hajun_recruit' },
    location: { compoundName: 'O Raing border camp', province: 'mondulkiri' },
    narrative: 'Source reports a Korean man held near the Vietnamese border, weapons seen at the gates.',
    indicators: ['weapons_seen'],
  },
];

/** Idempotent: seeds only when the register is empty. */
export async function seedDemoRescue(ctx: Ctx): Promise<void> {
  const existing = await ctx.app.db.selectFrom('compounds').select('id').limit(1).execute();
  if (existing.length > 0) return;
  const agency = await ctx.app.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', 'KNPA')
    .executeTakeFirstOrThrow();
  const actor = systemActor(agency);
  const ids: string[] = [];
  for (const c of compounds) ids.push((await createCompound(ctx, actor, { notes: '', ...c })).id);
  const consular = await ctx.app.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'consular@mofa.demo')
    .executeTakeFirst();
  for (const { compound, ...report } of reports) {
    await withAudit(ctx.app.db, async (trx) => {
      const filed = await fileReport(trx, ctx, actor, report);
      await trx
        .updateTable('rescue_cases')
        .set({ compound_id: ids[compound]! })
        .where('id', '=', filed.caseId)
        .execute();
      if (consular)
        await trx
          .insertInto('rescue_team')
          .values({ case_id: filed.caseId, user_id: consular.id, added_by: null })
          .execute();
    });
  }
}
