import type { Actor } from '@liaison/core';
import {
  nextRescueStates,
  type Repatriation,
  type ReportChannel,
  type ReportIdentifier,
  type RescueCaseView,
  type RescueLocationView,
  type RescuePersonView,
  type RescueState,
  type RiskAssessment,
  type RiskIndicator,
  type RiskLevel,
  type RiskOverrideView,
  repatriationProgress,
  type ScreeningView,
} from '@liaison/core/rescue/index';
import type { Ctx } from '../context.ts';
import { clockOf } from './case-clock.ts';
import { withReadAccess } from './case-read.ts';
import type { CaseAccess } from './rescue-access.ts';

/** The whole story of a case at a glance: person, reports, history, clock, risk, team, files. */
export async function getRescueCase(ctx: Ctx, actor: Actor, caseId: string): Promise<RescueCaseView> {
  return withReadAccess(ctx, actor, caseId, 'rescue_case.read', async (access) =>
    loadCaseView(ctx, caseId, access),
  );
}

type ReportView = RescueCaseView['reports'][number];

export async function loadCaseView(ctx: Ctx, caseId: string, access: CaseAccess): Promise<RescueCaseView> {
  const db = ctx.app.db;
  const row = await db
    .selectFrom('rescue_cases')
    .leftJoin('compounds', 'compounds.id', 'rescue_cases.compound_id')
    .selectAll('rescue_cases')
    .select([
      'compounds.name as compound_name',
      'compounds.lat as compound_lat',
      'compounds.lon as compound_lon',
      'compounds.province as compound_province',
    ])
    .where('rescue_cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const [reports, events, team, files] = await Promise.all([
    db.selectFrom('rescue_reports').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
    db
      .selectFrom('rescue_events')
      .leftJoin('users', 'users.id', 'rescue_events.actor_id')
      .select([
        'rescue_events.id',
        'rescue_events.at',
        'rescue_events.kind',
        'rescue_events.from_state',
        'rescue_events.to_state',
        'rescue_events.reason',
        'rescue_events.details',
        'users.display_name',
      ])
      .where('case_id', '=', caseId)
      .orderBy('rescue_events.at')
      .execute(),
    db
      .selectFrom('rescue_team')
      .innerJoin('users', 'users.id', 'rescue_team.user_id')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.display_name',
        'agencies.code as agency_code',
        'users.roles',
        'rescue_team.added_at',
      ])
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('rescue_files')
      .select(['id', 'kind', 'mime', 'size', 'uploaded_at', 'report_id'])
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .execute(),
  ]);
  const now = ctx.app.now();
  const repatriation = row.repatriation as Partial<Repatriation>;
  return {
    id: row.id,
    reference: row.reference,
    state: row.state as RescueState,
    stateEnteredAt: row.state_entered_at.toISOString(),
    nextStates: nextRescueStates(row.state as RescueState),
    clock: clockOf(row, now),
    escalated: row.escalated_at !== null,
    mergedInto: row.merged_into,
    risk: {
      level: row.risk_level as RiskLevel,
      assessment: row.risk_assessment as RiskAssessment,
      override: row.risk_override as RiskOverrideView | null,
    },
    indicators: row.indicators as RiskIndicator[],
    person: row.person as RescuePersonView,
    personRole: row.person_role,
    nonPunishment: row.non_punishment,
    screening: row.screening as ScreeningView | null,
    consent: { given: row.consent, basis: row.consent_basis },
    location: row.location as RescueLocationView,
    compound: row.compound_id
      ? {
          id: row.compound_id,
          name: row.compound_name,
          lat: row.compound_lat,
          lon: row.compound_lon,
          province: row.compound_province,
        }
      : null,
    identifiers: row.identifiers as ReportIdentifier[],
    repatriation,
    repatriationProgress: repatriationProgress(repatriation),
    ownerAgency: row.owner_agency,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    access: access.basis,
    reports: reports.map((r) => ({
      id: r.id,
      channel: r.channel as ReportChannel,
      reporter: r.reporter as ReportView['reporter'],
      person: r.person as RescuePersonView,
      location: r.location as RescueLocationView,
      lastContactAt: r.last_contact_at?.toISOString() ?? null,
      narrative: r.narrative,
      ransom: r.ransom as ReportView['ransom'],
      indicators: r.indicators as RiskIndicator[],
      consent: r.consent,
      publicReference: r.public_reference,
      additions: r.additions as ReportView['additions'],
      createdAt: r.created_at.toISOString(),
    })),
    history: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      from: e.from_state,
      to: e.to_state,
      reason: e.reason,
      details: e.details as Record<string, unknown>,
      by: e.display_name ?? 'System',
    })),
    team: team.map((m) => ({
      userId: m.id,
      displayName: m.display_name,
      agencyCode: m.agency_code,
      roles: m.roles,
      addedAt: m.added_at.toISOString(),
    })),
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      mime: f.mime,
      size: f.size,
      reportId: f.report_id,
      uploadedAt: f.uploaded_at.toISOString(),
    })),
  };
}
