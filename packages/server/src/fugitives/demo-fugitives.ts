import type { Actor } from '@liaison/core';
import type {
  FugitiveInputRaw,
  FugitiveStepInputRaw,
  SightingInputRaw,
} from '@liaison/core/fugitives/schemas';
import { FugitiveInput, FugitiveStepInput, SightingInput } from '@liaison/core/fugitives/schemas';
import { normalisePassport } from '@liaison/core/identifiers/passport';
import type { Ctx, Db } from '../context.ts';
import { addFugitiveStep, createFugitive } from './fugitives-service.ts';
import { addSighting, verifySighting } from './sightings-service.ts';

// The demo register: Korean fugitives hiding in Cambodia, entered by KNPA's liaison officer, found and arrested
// with CNP. Dates are relative to the day the demo is loaded, so the flags show: one warrant runs out within the
// month, one arrest has waited too long for its detention step. Names, numbers and warrants are the demo's own.

const day = 86_400_000;

interface DemoFugitive {
  key: string;
  input: FugitiveInputRaw;
  /** Days before today he became wanted. */
  wantedDaysAgo: number;
  sightings?: (Omit<SightingInputRaw, 'seenAt'> & { daysAgo: number; confirm?: boolean })[];
  steps?: (Omit<FugitiveStepInputRaw, 'occurredAt'> & { daysAgo: number })[];
}

const court = 'Seoul Central District Court';
const markings = { tlp: 'AMBER', handlingCode: 'H1' } as const;
const dateDaysFromNow = (now: Date, days: number) =>
  new Date(now.getTime() + days * day).toISOString().slice(0, 10);

function demoFugitives(now: Date): DemoFugitive[] {
  const on = (days: number) => dateDaysFromNow(now, days);
  return [
    {
      key: 'han-boknam',
      wantedDaysAgo: 420,
      input: {
        names: [
          { value: '한복남', script: 'hangul', kind: 'primary' },
          { value: 'HAN BOKNAM', script: 'latin', kind: 'passport' },
          { value: '큰형님', script: 'hangul', kind: 'alias' },
          { value: 'Big Brother Han', script: 'latin', kind: 'alias' },
        ],
        birthDate: '1988-03-14',
        nationality: 'KR',
        sex: 'male',
        passport: { number: 'M70112233', status: 'listed_lost_stolen', statusOn: on(-300) },
        warrant: {
          number: '2025-고단-4471',
          court,
          charges: ['Fraud (voice phishing), 312 victims', 'Forming a criminal organisation'],
          issuedOn: on(-420),
          expiresOn: on(640),
        },
        interpol: { noticeType: 'red', reference: 'A-4471/11-2025', status: 'published' },
        dangerMarkers: [
          { code: 'gang_protection', note: 'Moves with two armed guards' },
          { code: 'escape_risk' },
        ],
        crimeTypes: ['voice_phishing'],
        description: 'Runs a voice-phishing floor; scar on the left hand; speaks some Khmer and Chinese.',
        markings,
      },
      sightings: [
        {
          daysAgo: 24,
          place: {
            province: 'preah_sihanouk',
            text: 'Casino on Ekareach Street, Sihanoukville',
            lat: 10.627,
            lon: 103.522,
          },
          source: 'attache',
          sourceDetail: 'Police attaché, Phnom Penh embassy',
          reliability: 'B',
          accuracy: '2',
          description: 'Seen leaving the casino at 02:00 with two guards, black Lexus LX.',
          confirm: true,
        },
      ],
      steps: [
        {
          daysAgo: 12,
          state: 'located',
          details: { province: 'preah_sihanouk' },
          actedBy: 'CNP Anti-Human Trafficking Department',
        },
        {
          daysAgo: 9,
          state: 'under_surveillance',
          actedBy: 'Joint unit stake-out team',
          note: 'Villa near Otres Beach',
        },
      ],
    },
    {
      key: 'lee-youngsoo',
      wantedDaysAgo: 700,
      input: {
        names: [
          { value: '이영수', script: 'hangul', kind: 'primary' },
          { value: 'LEE YOUNGSOO', script: 'latin', kind: 'passport' },
          { value: 'YI YEONGSU', script: 'latin', kind: 'alias' },
        ],
        birthDate: '1979-11-02',
        nationality: 'KR',
        sex: 'male',
        passport: { number: 'M55218640', status: 'invalidation_requested' },
        warrant: {
          number: '2024-고합-1182',
          court: 'Incheon District Court',
          charges: ['Illegal online gambling operation'],
          issuedOn: on(-700),
          expiresOn: on(21),
        },
        interpol: { noticeType: 'red', reference: 'A-1182/03-2025', status: 'published' },
        dangerMarkers: [],
        crimeTypes: ['online_operation'],
        markings,
      },
      sightings: [
        {
          daysAgo: 6,
          place: { province: 'svay_rieng', text: 'Bavet, near the Jin Bei 4 compound' },
          source: 'informant',
          sourceDetail: 'Informant BV-3',
          reliability: 'C',
          accuracy: '3',
          description: 'A Korean in his forties matching the photo seen at a noodle shop.',
        },
      ],
    },
    {
      key: 'park-jihoon',
      wantedDaysAgo: 300,
      input: {
        names: [
          { value: '박지훈', script: 'hangul', kind: 'primary' },
          { value: 'PARK JIHOON', script: 'latin', kind: 'passport' },
        ],
        birthDate: '1991-06-30',
        nationality: 'KR',
        sex: 'male',
        passport: { number: 'M80935512', status: 'invalidated', statusOn: on(-240) },
        warrant: {
          number: '2025-고단-0931',
          court: 'Busan District Court',
          charges: ['Fraud (romance and investment scams)', 'Money laundering'],
          issuedOn: on(-300),
          expiresOn: on(400),
        },
        interpol: { noticeType: 'red', reference: 'A-0931/06-2025', status: 'published' },
        dangerMarkers: [{ code: 'violent' }],
        crimeTypes: ['romance_pig_butchering', 'crypto_laundering'],
        markings,
      },
      steps: [
        {
          daysAgo: 75,
          state: 'located',
          details: { province: 'banteay_meanchey' },
          actedBy: 'Police attaché',
        },
        {
          daysAgo: 70,
          state: 'arrested',
          details: { province: 'banteay_meanchey' },
          actedBy: 'CNP Poipet district police',
        },
        {
          daysAgo: 69,
          state: 'detained',
          details: { facility: 'Immigration detention centre, Phnom Penh', province: 'phnom_penh' },
        },
        { daysAgo: 40, state: 'removal_in_progress', details: { removalRoute: 'deportation' } },
        {
          daysAgo: 33,
          state: 'handed_over',
          details: { receivingUnit: 'Busan Metropolitan Police, Cyber Investigation Unit' },
        },
      ],
    },
    {
      key: 'choi-seongmin',
      wantedDaysAgo: 260,
      input: {
        names: [
          { value: '최성민', script: 'hangul', kind: 'primary' },
          { value: 'CHOI SEONGMIN', script: 'latin', kind: 'passport' },
          { value: 'CHOE SUNGMIN', script: 'latin', kind: 'alias' },
        ],
        birthDate: '1985-01-25',
        nationality: 'KR',
        sex: 'male',
        passport: { number: 'M31870406', status: 'invalidated', statusOn: on(-190) },
        warrant: {
          number: '2025-고합-2210',
          court,
          charges: ['Fraud (impersonating prosecutors)'],
          issuedOn: on(-260),
          expiresOn: on(470),
        },
        dangerMarkers: [{ code: 'self_harm' }],
        crimeTypes: ['investigator_impersonation'],
        markings,
      },
      steps: [
        {
          daysAgo: 8,
          state: 'arrested',
          details: { province: 'phnom_penh' },
          actedBy: 'CNP Anti-Drug Department',
        },
      ],
    },
    {
      key: 'jung-woojin',
      wantedDaysAgo: 150,
      input: {
        names: [
          { value: '정우진', script: 'hangul', kind: 'primary' },
          { value: 'JUNG WOOJIN', script: 'latin', kind: 'passport' },
          { value: 'JEONG UJIN', script: 'latin', kind: 'alias' },
        ],
        birthDate: '1994-09-12',
        nationality: 'KR',
        sex: 'male',
        passport: { number: 'M62047718', status: 'valid' },
        warrant: {
          number: '2025-고단-7012',
          court: 'Daegu District Court',
          charges: ['Recruiting for scam compounds', 'Confinement'],
          issuedOn: on(-150),
          expiresOn: on(580),
        },
        interpol: { noticeType: 'red', reference: 'KNPA-IRB-2025-0412', status: 'requested' },
        dangerMarkers: [],
        crimeTypes: ['fake_job', 'confinement'],
        markings,
      },
      sightings: [
        {
          daysAgo: 3,
          place: { province: 'phnom_penh', text: 'BKK1, Street 278 condominium lobby' },
          source: 'cctv',
          reliability: 'A',
          accuracy: '2',
          description: 'Condominium CCTV, face clearly visible, with a Telegram recruiter known to the unit.',
          confirm: true,
        },
      ],
    },
    {
      key: 'kim-taeyang',
      wantedDaysAgo: 500,
      input: {
        names: [
          { value: '김태양', script: 'hangul', kind: 'primary' },
          { value: 'KIM TAEYANG', script: 'latin', kind: 'passport' },
        ],
        birthDate: '1990-12-05',
        nationality: 'KR',
        sex: 'male',
        passport: { number: 'M49920381', status: 'listed_lost_stolen', statusOn: on(-400) },
        warrant: {
          number: '2024-고합-3390',
          court,
          charges: ['Fraud (fake shopping malls), 869 victims'],
          issuedOn: on(-500),
          expiresOn: on(230),
        },
        interpol: { noticeType: 'red', reference: 'A-3390/09-2024', status: 'published' },
        dangerMarkers: [],
        crimeTypes: ['fake_shopping_mall'],
        markings,
      },
      steps: [
        { daysAgo: 120, state: 'located', details: { province: 'preah_sihanouk' } },
        {
          daysAgo: 118,
          state: 'arrested',
          details: { province: 'preah_sihanouk' },
          actedBy: 'Joint operation, CNP and KNPA',
        },
        {
          daysAgo: 117,
          state: 'detained',
          details: { facility: 'Immigration detention centre, Phnom Penh' },
        },
        {
          daysAgo: 90,
          state: 'removal_in_progress',
          details: { removalRoute: 'deportation' },
          note: 'On the charter flight',
        },
        {
          daysAgo: 89,
          state: 'handed_over',
          details: { receivingUnit: 'Seoul Metropolitan Police, International Crimes Unit' },
        },
        { daysAgo: 60, state: 'closed', details: { closeReason: 'returned' } },
      ],
    },
  ];
}

async function principal(db: Db, email: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.agency_id',
      'agencies.code',
      'users.unit_id',
      'users.roles',
      'users.email',
      'users.display_name',
    ])
    .where('users.email', '=', email)
    .executeTakeFirst();
  if (!user) return null;
  return {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.code,
    unitId: user.unit_id,
    roles: user.roles as Actor['roles'],
    email: user.email,
    displayName: user.display_name,
    via: 'session',
  };
}

/** The demo fugitives' ids by their demo key ('han-boknam', …), found by passport; those missing are left out. */
export async function demoFugitiveIds(db: Db): Promise<Record<string, string>> {
  const byPassport = new Map(
    demoFugitives(new Date()).map((f) => [
      normalisePassport(f.input.passport!.number, { defaultCountry: 'KR' }).value,
      f.key,
    ]),
  );
  const rows = await db
    .selectFrom('fugitives')
    .select(['id', 'passport_number'])
    .where('passport_number', 'in', [...byPassport.keys()])
    .execute();
  return Object.fromEntries(rows.map((r) => [byPassport.get(r.passport_number!)!, r.id]));
}

/**
 * Idempotent: enters each demo fugitive not yet on file (found by passport), with his sightings and steps.
 * KNPA's liaison officer enters them; CNP's investigator records sightings and arrests, as in the field.
 */
export async function seedDemoFugitives(ctx: Ctx): Promise<void> {
  const db = ctx.app.db;
  const knpa = await principal(db, 'liaison@knpa.demo');
  const cnp = (await principal(db, 'investigator@cnp.demo')) ?? knpa;
  if (!knpa || !cnp) return;
  const now = ctx.app.now();
  const existing = await demoFugitiveIds(db);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day).toISOString();
  for (const f of demoFugitives(now)) {
    if (existing[f.key]) continue;
    const created = await createFugitive(
      ctx,
      knpa,
      FugitiveInput.parse({ ...f.input, wantedSince: at(f.wantedDaysAgo) }),
    );
    for (const s of f.sightings ?? []) {
      const { daysAgo, confirm, ...sighting } = s;
      const recorded = await addSighting(
        ctx,
        cnp,
        created.id,
        SightingInput.parse({ ...sighting, seenAt: at(daysAgo) }),
      );
      if (confirm)
        await verifySighting(ctx, knpa, created.id, recorded.id, {
          verification: 'confirmed',
          advance: true,
        });
    }
    for (const s of f.steps ?? []) {
      const { daysAgo, ...step } = s;
      const actor = step.state === 'handed_over' || step.state === 'closed' ? knpa : cnp;
      await addFugitiveStep(
        ctx,
        actor,
        created.id,
        FugitiveStepInput.parse({ ...step, occurredAt: at(daysAgo) }),
      );
    }
  }
}
