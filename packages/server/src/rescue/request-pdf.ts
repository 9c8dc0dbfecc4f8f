import { type Actor, authorize } from '@liaison/core';
import {
  cambodianProvinces,
  type ReportedPerson,
  type RiskAssessment,
  type RiskLevel,
} from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { recordCaseEvent } from './case-events.ts';
import { withReadAccess } from './case-read.ts';
import { type RequestPdfData, renderRequestPdf } from './request-pdf-layout.ts';

const handling =
  'TLP:RED · H2 — not to be disseminated further without the permission of the requesting agency';

/** The emergency rescue request to the CNP, in Khmer and English with a Korean copy; producing it is audited. */
export async function rescueRequestPdf(ctx: Ctx, actor: Actor, caseId: string) {
  authorize(actor, 'rescue.read');
  return withReadAccess(ctx, actor, caseId, 'rescue_case.request_pdf', async () => {
    const db = ctx.app.db;
    const c = await db
      .selectFrom('rescue_cases')
      .leftJoin('compounds', 'compounds.id', 'rescue_cases.compound_id')
      .select([
        'rescue_cases.reference',
        'rescue_cases.person',
        'rescue_cases.location',
        'rescue_cases.risk_level',
        'rescue_cases.risk_assessment',
        'rescue_cases.owner_agency',
        'compounds.name as compound_name',
        'compounds.lat as compound_lat',
        'compounds.lon as compound_lon',
        'compounds.province as compound_province',
        'compounds.border_distance_km',
      ])
      .where('rescue_cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const [firstReport, team, files, agency] = await Promise.all([
      db
        .selectFrom('rescue_reports')
        .select(['narrative', 'last_contact_at'])
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .executeTakeFirst(),
      db
        .selectFrom('rescue_team')
        .innerJoin('users', 'users.id', 'rescue_team.user_id')
        .innerJoin('agencies', 'agencies.id', 'users.agency_id')
        .select(['users.display_name', 'agencies.code'])
        .where('case_id', '=', caseId)
        .execute(),
      db
        .selectFrom('rescue_files')
        .select(['kind', 'mime', 'data'])
        .where('case_id', '=', caseId)
        .where('kind', 'in', ['person_photo', 'building_photo'])
        .where('mime', 'in', ['image/jpeg', 'image/png'])
        .orderBy('uploaded_at', 'desc')
        .execute(),
      db.selectFrom('agencies').select(['name']).where('id', '=', actor.agencyId).executeTakeFirst(),
    ]);
    const person = c.person as ReportedPerson;
    const location = c.location as {
      compoundName?: string;
      province?: string;
      coordinates?: { lat: number; lon: number };
      floor?: string;
      room?: string;
      buildingDescription?: string;
    };
    const province = location.province ?? c.compound_province ?? null;
    const centre = province ? cambodianProvinces[province as keyof typeof cambodianProvinces] : undefined;
    const lat = location.coordinates?.lat ?? c.compound_lat ?? centre?.lat ?? null;
    const lon = location.coordinates?.lon ?? c.compound_lon ?? centre?.lon ?? null;
    const photo = (kind: string) => files.find((f) => f.kind === kind)?.data;
    const producedAt = ctx.app.now();
    const data: RequestPdfData = {
      reference: c.reference,
      producedAt,
      requestingAgency: agency?.name ?? actor.agencyCode,
      receivingAgency: 'Cambodian National Police — Korea Desk (Joint Unit)',
      officer: { name: actor.displayName, agency: actor.agencyCode, email: actor.email },
      team: team.map((m) => ({ name: m.display_name, agency: m.code })),
      risk: {
        level: c.risk_level as RiskLevel,
        reasons: (c.risk_assessment as RiskAssessment).reasons,
      },
      person: {
        namesHangul: person.namesHangul ?? [],
        namesLatin: person.namesLatin ?? [],
        birthDate: person.birthDate ?? null,
        sex: person.sex ?? null,
        nationality: person.nationality ?? 'KR',
        passportNumber: person.passportNumber ?? null,
        phone: person.phone ?? null,
        telegram: person.telegram ?? null,
        kakaotalk: person.kakaotalk ?? null,
      },
      location: {
        compoundName: c.compound_name ?? location.compoundName ?? null,
        province,
        lat,
        lon,
        approximate: !location.coordinates && c.compound_lat === null,
        floor: location.floor ?? null,
        room: location.room ?? null,
        building: location.buildingDescription ?? null,
        borderDistanceKm: c.border_distance_km ?? null,
      },
      lastContactAt: firstReport?.last_contact_at ?? null,
      circumstances: firstReport?.narrative ?? '',
      personPhoto: photo('person_photo') ? Buffer.from(photo('person_photo')!) : null,
      buildingPhoto: photo('building_photo') ? Buffer.from(photo('building_photo')!) : null,
      handling,
    };
    const pdf = await renderRequestPdf(data);
    await withAudit(db, (trx) =>
      recordCaseEvent(trx, ctx, actor, caseId, {
        kind: 'rescue_request_produced',
        details: { bytes: pdf.length },
      }),
    );
    return { data: pdf, filename: `rescue-request-${c.reference}.pdf` };
  });
}
