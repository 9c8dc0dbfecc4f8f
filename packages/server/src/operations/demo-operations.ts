import type { Actor, Role } from '@liaison/core';
import type { CrimeType } from '@liaison/core/cases/crime-taxonomy';
import type { CambodianProvince } from '@liaison/core/rescue/index';
import { audit, withAudit } from '../audit/audit.ts';
import { createCompound } from '../compounds/compounds-service.ts';
import type { Ctx, Db } from '../context.ts';
import { demoFugitiveIds } from '../fugitives/demo-fugitives.ts';
import { recordArrest, recordRescue, recordSeizure } from './operation-outcome.ts';
import { nextReference } from './operations-service.ts';
import type { OperationRow } from './presenters.ts';

// The demo's winter season, like the task force's first one (December to March: about 160 arrests over 12
// operations, fugitives among them, five rescues), generated from a fixed seed so every load is the same.
// Written by this bulk writer: the plans, decisions and log lines with their historical times, and each arrest,
// rescue and seizure through the outcome functions the log uses (graph persons through the graph intake, rescue
// cases through the rescue intake, the fugitives' links), each audited; one `operation.demo-loaded` entry per
// operation says the rows were loaded, not typed, and when.

/** mulberry32: a small deterministic generator, enough for demo data. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

/** Arrests per operation (160 in all) and the operations with a rescue (five). */
const arrestCounts = [9, 14, 11, 18, 12, 16, 10, 15, 13, 17, 12, 13];
const rescueIn = new Set([1, 4, 6, 8, 11]);
/** Days after 1 December of each raid. */
const raidDays = [3, 10, 18, 27, 38, 47, 55, 66, 78, 90, 102, 113];
const codeNames = [
  'WINTER GATE',
  'RIVER LANTERN',
  'NORTH STAR',
  'JADE BRIDGE',
  'SILENT HARBOUR',
  'IRON ORCHID',
  'BLUE MONSOON',
  'STONE TEMPLE',
  'GOLDEN THREAD',
  'NIGHT FERRY',
  'RED LOTUS',
  'LAST LIGHT',
];
const sites: { name: string; province: CambodianProvince; lat: number; lon: number }[] = [
  { name: 'Kampong Som Fortune Tower', province: 'preah_sihanouk', lat: 10.627, lon: 103.522 },
  { name: 'Bavet Dragon Plaza', province: 'svay_rieng', lat: 11.064, lon: 106.152 },
  { name: 'Poipet Diamond Crown', province: 'banteay_meanchey', lat: 13.66, lon: 102.57 },
  { name: 'Chrey Thom Riverside Block', province: 'kandal', lat: 11.2, lon: 105.05 },
  { name: 'Koh Kong Bay Resort', province: 'koh_kong', lat: 11.61, lon: 102.98 },
  { name: 'O Smach Border Lodge', province: 'oddar_meanchey', lat: 14.42, lon: 103.7 },
];
const crimeMix: CrimeType[] = [
  'voice_phishing',
  'voice_phishing',
  'investigator_impersonation',
  'romance_pig_butchering',
  'investment',
  'investment_chat_room',
  'fake_shopping_mall',
  'online_operation',
  'drug_trafficking',
];
const nationalityMix = ['KR', 'KR', 'KR', 'KR', 'KR', 'KR', 'KR', 'CN', 'CN', 'KH', 'VN', 'TH'];
const names: Record<string, { family: string[]; given: string[] }> = {
  KR: {
    family: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'OH'],
    given: [
      'MINSU',
      'JUNHO',
      'SEOJUN',
      'HYUNWOO',
      'JIHOON',
      'DONGHYUN',
      'SUNGMIN',
      'YOUNGJAE',
      'TAEHO',
      'JAEWON',
    ],
  },
  CN: {
    family: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG'],
    given: ['WEI', 'JIE', 'HAO', 'LEI', 'QIANG', 'TAO'],
  },
  KH: { family: ['SOK', 'CHAN', 'HENG', 'KIM', 'LY'], given: ['DARA', 'VANNA', 'PISETH', 'RITH', 'SAMBO'] },
  VN: { family: ['NGUYEN', 'TRAN', 'LE', 'PHAM'], given: ['VAN AN', 'MINH DUC', 'QUANG HAI', 'THANH LONG'] },
  TH: { family: ['SAETANG', 'WONGSA', 'CHAIYA'], given: ['SOMCHAI', 'ANURAK', 'KITTI'] },
};
const rescued = ['LEE JAEHYUN', 'PARK SEOYEON', 'KIM DOHYUN', 'CHOI YUNA', 'JUNG MINJAE'];
/** The demo fugitives already in custody or returned (fugitives/demo-fugitives.ts): arrested in these raids. */
const fugitiveArrests: Record<string, number> = { 'park-jihoon': 2, 'choi-seongmin': 5, 'kim-taeyang': 8 };

/** The first day of the latest December–March season that has ended. */
export function seasonStart(now: Date): Date {
  const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2;
  return new Date(Date.UTC(year, 11, 1));
}

async function demoPrincipal(db: Db, email: string): Promise<Actor | null> {
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
    roles: user.roles as Role[],
    email: user.email,
    displayName: user.display_name,
    via: 'session',
  };
}

/** Idempotent: loads the season only when no operation is on file. */
export async function seedDemoOperations(ctx: Ctx): Promise<void> {
  const db = ctx.app.db;
  if ((await db.selectFrom('operations').select('id').limit(1).execute()).length > 0) return;
  const commander = await demoPrincipal(db, 'commander@cnp.demo');
  const officer = await demoPrincipal(db, 'investigator@cnp.demo');
  const liaison = await demoPrincipal(db, 'liaison@knpa.demo');
  if (!commander || !officer || !liaison) return;
  const random = seeded(20251201);
  const start = seasonStart(ctx.app.now());
  const season = start.getUTCFullYear();
  const fugitives = await demoFugitiveIds(db);
  const compoundIds: string[] = [];
  for (const site of sites)
    compoundIds.push(
      (
        await createCompound(ctx, commander, {
          ...site,
          aliases: [],
          status: 'raided',
          notes: `Raided in the ${season}–${season + 1} winter season (demo).`,
        })
      ).id,
    );

  for (const [i, arrests] of arrestCounts.entries()) {
    const raid = new Date(start.getTime() + raidDays[i]! * 86_400_000 - 6 * 3_600_000); // 01:00 ICT
    const at = (minutes: number) => new Date(raid.getTime() + minutes * 60_000);
    const site = sites[i % sites.length]!;
    const crime = random.pick(crimeMix);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await withAudit(db, async (trx) => {
      // The agency's counter for the raid's year, as a plan typed that day would have taken it.
      const reference = await nextReference(trx, 'CNP', raid);
      const op = (await trx
        .insertInto('operations')
        .values({
          reference,
          code_name: codeNames[i]!,
          objective: `Raid ${site.name}: arrest the ring running ${crime.replaceAll('_', ' ')} from the compound and free anyone held there.`,
          status: 'completed',
          status_changed_at: at(300),
          owner_agency: 'CNP',
          lead_agency: 'CNP',
          partner_agency: 'KNPA',
          crime_types: [crime],
          intelligence: JSON.stringify({
            summary: `Attaché intelligence and stake-outs: ${random.int(2, 6)} buildings behind one wall.`,
            estimatedOccupants: random.int(40, 300),
            buildings: random.int(2, 6),
            gates: random.int(1, 3),
            guards: random.int(4, 20),
            guardsArmed: random.next() < 0.4,
            routesIn: 'National road from the provincial town',
            routesOut: 'Back gate to a dirt track',
            borderDistanceKm: Math.round(random.next() * 300) / 10,
          }),
          teams: JSON.stringify([
            {
              agencyCode: 'CNP',
              name: 'Entry and arrest',
              role: 'entry',
              headcount: random.int(30, 80),
              leaderId: officer.userId,
              officerIds: [officer.userId],
            },
            {
              agencyCode: 'CNP',
              name: 'Perimeter',
              role: 'perimeter',
              headcount: random.int(10, 30),
              officerIds: [],
            },
            {
              agencyCode: 'KNPA',
              name: 'Korean liaison',
              role: 'liaison',
              headcount: random.int(2, 5),
              leaderId: liaison.userId,
              officerIds: [liaison.userId],
            },
          ]),
          legal_authority: JSON.stringify([
            {
              agencyCode: 'CNP',
              kind: 'search_warrant',
              number: `${site.province.toUpperCase().slice(0, 3)}-${season}-${100 + i}`,
              issuedBy: 'Provincial Court',
              issuedOn: day(at(-2880)),
            },
            {
              agencyCode: 'KNPA',
              kind: 'arrest_warrant',
              number: `${season}-고합-${1200 + i * 7}`,
              issuedBy: 'Seoul Central District Court',
              issuedOn: day(at(-20160)),
            },
          ]),
          briefing_at: at(-360),
          planned_start: raid,
          planned_end: at(360),
          risks: JSON.stringify([
            {
              description: 'Guards may move detainees out through the back gate',
              level: 'high',
              mitigation: 'Perimeter team in place first',
            },
          ]),
          tlp: 'AMBER',
          handling_code: 'H2',
          started_at: at(10),
          completed_at: at(300),
          outcome_summary: `${arrests} arrested${rescueIn.has(i) ? ', one rescued' : ''}.`,
          created_by: liaison.userId,
          created_at: at(-4320),
          updated_at: at(300),
          version: 4,
        })
        .returningAll()
        .executeTakeFirstOrThrow()) as OperationRow;
      await trx
        .insertInto('operation_targets')
        .values({
          operation_id: op.id,
          position: 0,
          kind: 'compound',
          compound_id: compoundIds[i % sites.length]!,
          entity_id: null,
          fugitive_id: null,
          label: site.name,
          address: site.province,
          lat: site.lat,
          lon: site.lon,
        })
        .execute();
      await trx
        .insertInto('operation_decisions')
        .values({
          operation_id: op.id,
          decision: 'go',
          reason: '',
          decided_by: commander.userId,
          decided_at: at(-180),
        })
        .execute();
      let seq = 0;
      const line = async (kind: string, minutes: number, text = '') => {
        seq += 1;
        const row = await trx
          .insertInto('operation_log')
          .values({
            operation_id: op.id,
            seq,
            client_id: null,
            kind,
            at: at(minutes),
            recorded_at: at(minutes),
            author_id: officer.userId,
            author_agency: 'CNP',
            text,
            lat: site.lat,
            lon: site.lon,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      await line('arrived', 10, 'Teams at the outer wall');
      await line('entered', 25, 'Main gate opened');
      const fugitiveKeys = Object.entries(fugitiveArrests).filter(([key, op]) => op === i && fugitives[key]);
      for (let n = 0; n < arrests; n++) {
        const minutes = 30 + Math.round((n * 150) / arrests);
        const fugitive = fugitiveKeys[n]?.[0];
        const nationality = fugitive ? 'KR' : random.pick(nationalityMix);
        const pool = names[nationality]!;
        const name = fugitive
          ? fugitive.toUpperCase().replace('-', ' ')
          : `${random.pick(pool.family)} ${random.pick(pool.given)}`;
        const entry = await line('arrest', minutes);
        await recordArrest(ctx, trx, officer, op, entry, at(minutes), {
          name,
          nationality,
          ...(fugitive && { fugitiveId: fugitives[fugitive] }),
          arrestingAgency: random.next() < 0.85 ? 'CNP' : 'KNPA',
          crimeType: random.next() < 0.8 ? crime : random.pick(crimeMix),
          note: '',
        });
      }
      if (rescueIn.has(i)) {
        const name = rescued[[...rescueIn].indexOf(i)]!;
        const entry = await line('rescue', 120, 'Found locked in a dormitory room');
        await recordRescue(ctx, trx, officer, op, entry, at(120), { name, nationality: 'KR', note: '' });
      }
      const seizures = [
        {
          category: 'phone' as const,
          count: random.int(20, 120),
          description: 'Work phones from the call floors',
          place: 'Building B',
        },
        {
          category: 'computer' as const,
          count: random.int(5, 40),
          description: 'Desktops and laptops',
          place: 'Building B',
        },
        {
          category: 'cash' as const,
          currency: 'USD',
          amount: random.int(10, 500) * 100,
          description: '',
          place: 'Manager office',
        },
        ...(crime === 'drug_trafficking' || random.next() < 0.3
          ? [
              {
                category: 'drugs' as const,
                drugType: 'methamphetamine',
                weightGrams: random.int(50, 4000),
                description: '',
                place: '',
              },
            ]
          : []),
        ...(random.next() < 0.4
          ? [
              {
                category: 'crypto' as const,
                asset: 'USDT',
                amount: random.int(1, 300) * 1000,
                description: 'Hardware wallet',
                place: '',
              },
            ]
          : []),
        ...(random.next() < 0.3
          ? [{ category: 'vehicle' as const, count: random.int(1, 4), description: '', place: 'Car park' }]
          : []),
      ];
      for (const [n, seizure] of seizures.entries()) {
        const entry = await line('seizure', 190 + n * 5);
        await recordSeizure(ctx, trx, officer, op, entry, at(190 + n * 5), seizure);
      }
      await line('secured', 240, 'Site secured; handed to the evidence team');
      await audit(
        { ...ctx, trx },
        commander,
        'operation.demo-loaded',
        { type: 'operation', id: op.id },
        {
          reference,
          arrests,
          rescues: rescueIn.has(i) ? 1 : 0,
          seizures: seizures.length,
          plannedStart: raid.toISOString(),
        },
      );
    });
  }
}
