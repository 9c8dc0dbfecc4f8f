import { type Actor, authorize } from '@liaison/core';
import {
  assessRisk,
  type ReportChannel,
  type ReportedPerson,
  type RescueReportInput,
  type RiskIndicator,
  reportFingerprints,
  type StaffReportFiled,
} from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';
import { agencyCountry } from '../correlation/agency-country.ts';
import { publishAll } from '../correlation/correlate.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import { indexRescueIdentifiers } from '../graph/intake/rescue-identifiers.ts';
import { actorUserId, recordCaseEvent } from './case-events.ts';
import { candidatesForViewer, findDuplicateCandidates } from './duplicates-service.ts';
import { reportIdentifiers } from './identifiers.ts';
import { recordRescueEntities } from './rescue-entities.ts';

/** What every channel files: the staff form, the hotline API and the public form. */
export type IncomingReport = Omit<RescueReportInput, 'channel' | 'website'> & { channel: ReportChannel };

export interface FiledReport {
  caseId: string;
  reportId: string;
  reference: string;
  /** Hits the report's identifiers raised in the graph; publish `events` once the transaction commits. */
  hits: number;
  events: LiveEvent[];
}

/** `RC-2026-0042`: one counter per year, taken under a row lock so references never repeat. */
async function nextReference(trx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const row = await trx
    .insertInto('rescue_counters')
    .values({ year, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('rescue_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return `RC-${year}-${String(row.last_seq).padStart(4, '0')}`;
}

/** Creates a case from one report, in the caller's transaction: case, report, keys, team, history, audit. */
export async function fileReport(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  report: IncomingReport,
  link: { publicReference: string; secretHash: string } | null = null,
): Promise<FiledReport> {
  const now = ctx.app.now();
  const reference = await nextReference(trx, now);
  const indicators = [...report.indicators] as RiskIndicator[];
  const assessment = assessRisk(indicators);
  const createdBy = actorUserId(actor);
  // A number written without its calling code is read in the recording agency's country (a public report: the
  // node's agency), else in the reported person's nationality.
  const identifiers = reportIdentifiers(report, { agencyCountry: await agencyCountry(trx, actor.agencyId) });
  const rescueCase = await trx
    .insertInto('rescue_cases')
    .values({
      reference,
      state: 'reported',
      state_entered_at: now,
      risk_level: assessment.level,
      risk_assessment: JSON.stringify(assessment),
      indicators,
      person: JSON.stringify(report.person),
      location: JSON.stringify(report.location ?? {}),
      first_channel: report.channel,
      consent: report.consentToProcessing,
      consent_basis: report.consentToProcessing ? 'consent of the reporter' : null,
      identifiers: JSON.stringify(identifiers),
      owner_agency: actor.agencyCode,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('rescue_reports')
    .values({
      case_id: rescueCase.id,
      channel: report.channel,
      reporter: JSON.stringify(report.reporter),
      person: JSON.stringify(report.person),
      location: JSON.stringify(report.location ?? {}),
      last_contact_at: report.lastContactAt ?? null,
      narrative: report.narrative,
      ransom: report.ransom ? JSON.stringify(report.ransom) : null,
      indicators,
      consent: report.consentToProcessing,
      public_reference: link?.publicReference ?? null,
      secret_hash: link?.secretHash ?? null,
      created_by: createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertFingerprints(trx, rescueCase.id, report.person);
  if (createdBy) {
    await trx
      .insertInto('rescue_team')
      .values({ case_id: rescueCase.id, user_id: createdBy, added_by: createdBy, added_at: now })
      .execute();
  }
  await recordCaseEvent(trx, ctx, actor, rescueCase.id, {
    kind: 'reported',
    to: 'reported',
    details: { channel: report.channel, riskLevel: assessment.level },
  });
  // The report's identifiers go into the graph in this same transaction and raise hits like any others.
  const graph = await indexRescueIdentifiers(ctx, trx, {
    rescueCaseId: rescueCase.id,
    identifiers,
    ownerAgencyId: actor.agencyId,
    actor,
  });
  await recordRescueEntities(trx, rescueCase.id, graph.entities);
  // The person the report names is news for whoever watches for persons (the fugitive flag).
  await ctx.app.changes.announce(trx, { on: 'rescue-report', rescueCaseId: rescueCase.id });
  if (graph.hits.length > 0)
    await recordCaseEvent(trx, ctx, actor, rescueCase.id, {
      kind: 'graph_hits',
      details: { count: graph.hits.length },
    });
  return {
    caseId: rescueCase.id,
    reportId: row.id,
    reference,
    hits: graph.hits.length,
    events: graph.events,
  };
}

export async function insertFingerprints(trx: Tx, caseId: string, person: ReportedPerson): Promise<void> {
  const keys = reportFingerprints({ person: { ...person } });
  if (keys.length === 0) return;
  await trx
    .insertInto('rescue_fingerprints')
    .values(keys.map((k) => ({ case_id: caseId, kind: k.kind, key: k.key })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Staff entry and hotline systems (Bearer token): a new case, with any likely duplicates named. */
export async function createStaffReport(
  ctx: Ctx,
  actor: Actor,
  input: RescueReportInput,
): Promise<StaffReportFiled> {
  authorize(actor, 'rescue.write');
  const { website: _honeypot, ...report } = input;
  const filed = await withAudit(ctx.app.db, (trx) => fileReport(trx, ctx, actor, report));
  await publishAll(ctx, filed.events);
  const duplicates = await candidatesForViewer(
    ctx.app.db,
    actor,
    await findDuplicateCandidates(ctx.app.db, filed.caseId),
  );
  return { caseId: filed.caseId, reference: filed.reference, duplicates };
}
