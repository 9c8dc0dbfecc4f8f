import type { Role } from '@liaison/core';
import { createAgency, createUnit } from '../accounts/agencies-service.ts';
import { createUser } from '../accounts/users-service.ts';
import { systemActor } from '../cli/system-actor.ts';
import type { Ctx } from '../context.ts';

export const demoPassword = 'liaison-demo-2026';

/** The reference deployment: KNPA and the CNP's joint Korea Desk, plus the consular service. */
const agencies = [
  {
    code: 'KNPA',
    name: 'Korean National Police Agency',
    country: 'KR',
    units: [
      'International Cooperation Bureau',
      'National Office of Investigation – Cambodia Task Force',
      'Interpol Cooperation Team',
      'Embassy Phnom Penh – Police Attaché',
    ],
  },
  {
    code: 'CNP',
    name: 'Cambodian National Police',
    country: 'KH',
    units: ['Korea Desk (Joint Unit)', 'Immigration Department', 'Forensic Science Office'],
  },
  {
    code: 'MOFA',
    name: 'Ministry of Foreign Affairs of Korea – Consular Call Centre',
    country: 'KR',
    units: ['Consular Call Centre'],
  },
] as const;

export const demoUsers: {
  email: string;
  name: string;
  agency: string;
  unit: string;
  roles: Role[];
  language: 'en' | 'ko' | 'km';
  timeZone: 'Asia/Seoul' | 'Asia/Phnom_Penh';
}[] = [
  {
    email: 'admin@knpa.demo',
    name: 'Park Jiwon (admin)',
    agency: 'KNPA',
    unit: 'International Cooperation Bureau',
    roles: ['administrator'],
    language: 'en',
    timeZone: 'Asia/Seoul',
  },
  // A second administrator: roles that read case data take effect only once another administrator approves.
  {
    email: 'security@knpa.demo',
    name: 'Han Seungwoo (second admin)',
    agency: 'KNPA',
    unit: 'International Cooperation Bureau',
    roles: ['administrator'],
    language: 'en',
    timeZone: 'Asia/Seoul',
  },
  {
    email: 'commander@cnp.demo',
    name: 'Sok Dara',
    agency: 'CNP',
    unit: 'Korea Desk (Joint Unit)',
    roles: ['commander'],
    language: 'km',
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    email: 'investigator@knpa.demo',
    name: 'Kim Minsu',
    agency: 'KNPA',
    unit: 'National Office of Investigation – Cambodia Task Force',
    roles: ['investigator'],
    language: 'ko',
    timeZone: 'Asia/Seoul',
  },
  {
    email: 'investigator@cnp.demo',
    name: 'Chan Vanna',
    agency: 'CNP',
    unit: 'Korea Desk (Joint Unit)',
    roles: ['investigator'],
    language: 'km',
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    email: 'analyst@knpa.demo',
    name: 'Lee Youngsoo',
    agency: 'KNPA',
    unit: 'International Cooperation Bureau',
    roles: ['analyst'],
    language: 'ko',
    timeZone: 'Asia/Seoul',
  },
  {
    email: 'liaison@knpa.demo',
    name: 'Choi Hyunwoo',
    agency: 'KNPA',
    unit: 'Embassy Phnom Penh – Police Attaché',
    roles: ['liaison_officer'],
    language: 'en',
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    email: 'consular@mofa.demo',
    name: 'Jung Eunji',
    agency: 'MOFA',
    unit: 'Consular Call Centre',
    roles: ['consular_officer'],
    language: 'ko',
    timeZone: 'Asia/Seoul',
  },
  {
    email: 'forensic@cnp.demo',
    name: 'Heng Sophal',
    agency: 'CNP',
    unit: 'Forensic Science Office',
    roles: ['forensic_examiner'],
    language: 'km',
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    email: 'auditor@knpa.demo',
    name: 'Yoon Seojin',
    agency: 'KNPA',
    unit: 'International Cooperation Bureau',
    roles: ['auditor'],
    language: 'en',
    timeZone: 'Asia/Seoul',
  },
];

/** Idempotent: what exists is left alone. */
export async function seedDemoAccounts(ctx: Ctx): Promise<void> {
  const db = ctx.app.db;
  const unitIds = new Map<string, { agencyId: string; unitId: string }>();
  for (const spec of agencies) {
    let agency = await db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', spec.code)
      .executeTakeFirst();
    if (!agency) {
      const created = await createAgency(ctx, systemActor({ id: '', code: spec.code }), {
        code: spec.code,
        name: spec.name,
        country: spec.country,
      });
      agency = { id: created.id, code: created.code };
    }
    for (const unitName of spec.units) {
      let unit = await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', agency.id)
        .where('name', '=', unitName)
        .executeTakeFirst();
      unit ??= await createUnit(ctx, systemActor(agency), agency.id, { name: unitName });
      unitIds.set(`${spec.code}/${unitName}`, { agencyId: agency.id, unitId: unit.id });
    }
  }
  for (const user of demoUsers) {
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', user.email)
      .executeTakeFirst();
    if (exists) continue;
    const place = unitIds.get(`${user.agency}/${user.unit}`)!;
    await createUser(ctx, systemActor({ id: place.agencyId, code: user.agency }), {
      email: user.email,
      displayName: user.name,
      agencyId: place.agencyId,
      unitId: place.unitId,
      roles: user.roles,
      password: demoPassword,
      language: user.language,
      timeZone: user.timeZone,
    });
  }
}
