import type { Tlp } from '@liaison/core';
import { tallyOutcome } from '@liaison/core/operations/rules';
import type {
  Intelligence,
  LegalAuthority,
  OperationDetail,
  OperationStatus,
  Risk,
  Team,
  TeamInput,
} from '@liaison/core/operations/schemas';
import { sql } from 'kysely';
import { displayNamesOf } from '../accounts/users-repository.ts';
import type { Db } from '../context.ts';
import {
  type OperationRow,
  presentArrest,
  presentDecision,
  presentLogEntry,
  presentRescue,
  presentSeizure,
  presentTarget,
} from './presenters.ts';

/**
 * One operation, all of it, read past the caller's rights: the callers decide who may see it
 * (`readOperation` for users; the briefing pack and federation after their own checks). Null when there is none.
 */
export async function loadOperationDetail(db: Db, id: string): Promise<OperationDetail | null> {
  const op = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!op) return null;
  const [targets, decisions, log, arrests, rescues, seizures, followUps] = await Promise.all([
    db
      .selectFrom('operation_targets')
      .selectAll()
      .where('operation_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('operation_decisions')
      .selectAll()
      .where('operation_id', '=', id)
      .orderBy('decided_at')
      .execute(),
    db.selectFrom('operation_log').selectAll().where('operation_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('operation_arrests')
      .selectAll()
      // A date column comes back as a Date from the drivers: as text it is the calendar day, whatever the zone.
      .select(sql<string | null>`operation_arrests.birth_date::text`.as('birth_date'))
      .where('operation_id', '=', id)
      .orderBy('arrested_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('operation_rescues')
      .selectAll()
      .where('operation_id', '=', id)
      .orderBy('rescued_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('operation_seizures')
      .selectAll()
      .where('operation_id', '=', id)
      .orderBy('seized_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('operation_follow_ups')
      .selectAll()
      .where('operation_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  const teams = op.teams as TeamInput[];
  const compoundIds = targets.flatMap((t) => (t.compound_id ? [t.compound_id] : []));
  const unitIds = teams.flatMap((t) => (t.unitId ? [t.unitId] : []));
  const [compounds, units, cases, rescueRefs] = await Promise.all([
    compoundIds.length === 0
      ? []
      : db
          .selectFrom('compounds')
          .select(['id', 'province', 'status'])
          .where('id', 'in', compoundIds)
          .execute(),
    unitIds.length === 0
      ? []
      : db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute(),
    op.case_ids.length === 0
      ? []
      : db.selectFrom('cases').select(['id', 'number', 'title']).where('id', 'in', op.case_ids).execute(),
    rescues.length === 0
      ? []
      : db
          .selectFrom('rescue_cases')
          .select(['id', 'reference'])
          .where(
            'id',
            'in',
            rescues.map((r) => r.rescue_case_id),
          )
          .execute(),
  ]);
  const people = new Set<string>();
  for (const t of teams) {
    if (t.leaderId) people.add(t.leaderId);
    for (const o of t.officerIds) people.add(o);
  }
  for (const d of decisions) people.add(d.decided_by);
  for (const e of log) if (e.author_id) people.add(e.author_id);
  const names = await displayNamesOf(db, [...people]);
  const compoundById = new Map(compounds.map((c) => [c.id, c]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const refOf = new Map(rescueRefs.map((r) => [r.id, r.reference]));
  const linkOf = (rows: { id: string; log_entry_id: string | null }[]) =>
    new Map(rows.flatMap((r) => (r.log_entry_id ? [[r.log_entry_id, r.id] as const] : [])));
  const links = { arrests: linkOf(arrests), rescues: linkOf(rescues), seizures: linkOf(seizures) };
  const presentedSeizures = seizures.map(presentSeizure);
  const presentedArrests = arrests.map(presentArrest);
  const presentedRescues = rescues.map((r) => presentRescue(r, refOf.get(r.rescue_case_id) ?? ''));
  return {
    id: op.id,
    reference: op.reference,
    codeName: op.code_name,
    objective: op.objective,
    status: op.status as OperationStatus,
    statusChangedAt: op.status_changed_at.toISOString(),
    leadAgency: op.lead_agency,
    partnerAgency: op.partner_agency,
    ownerAgency: op.owner_agency,
    crimeTypes: op.crime_types as OperationDetail['crimeTypes'],
    cases: op.case_ids.flatMap((caseId) => {
      const c = cases.find((row) => row.id === caseId);
      return c ? [{ id: c.id, number: c.number, title: c.title }] : [];
    }),
    targets: targets.map((t) =>
      presentTarget(t, t.compound_id ? compoundById.get(t.compound_id) : undefined),
    ),
    intelligence: op.intelligence as Intelligence,
    teams: teams.map(
      (t): Team => ({
        agencyCode: t.agencyCode,
        unitId: t.unitId ?? null,
        unitName: t.unitId ? (unitName.get(t.unitId) ?? null) : null,
        name: t.name,
        role: t.role,
        leaderId: t.leaderId ?? null,
        leaderName: t.leaderId ? (names.get(t.leaderId) ?? null) : null,
        officers: t.officerIds.map((o) => ({ id: o, name: names.get(o) ?? '' })),
        headcount: t.headcount,
        contact: t.contact ?? null,
      }),
    ),
    legalAuthority: op.legal_authority as LegalAuthority[],
    timing: timingOf(op),
    risks: op.risks as Risk[],
    tlp: op.tlp as Tlp,
    handlingCode: op.handling_code,
    handlingNote: op.handling_note,
    decisions: decisions.map((d) => presentDecision(d, names)),
    startedAt: op.started_at?.toISOString() ?? null,
    completedAt: op.completed_at?.toISOString() ?? null,
    outcomeSummary: op.outcome_summary,
    log: log.map((e) => presentLogEntry(e, names, links)),
    arrests: presentedArrests,
    rescues: presentedRescues,
    seizures: presentedSeizures,
    followUps: followUps.map((f) => ({
      id: f.id,
      caseId: f.case_id,
      taskId: f.task_id,
      title: f.title,
      createdAt: f.created_at.toISOString(),
    })),
    tally: tallyOutcome({
      arrests: presentedArrests,
      rescues: presentedRescues,
      seizures: presentedSeizures,
    }),
    createdBy: op.created_by,
    createdAt: op.created_at.toISOString(),
    updatedAt: op.updated_at.toISOString(),
    version: op.version,
  };
}

export function timingOf(op: Pick<OperationRow, 'briefing_at' | 'planned_start' | 'planned_end'>) {
  return {
    ...(op.briefing_at && { briefingAt: op.briefing_at.toISOString() }),
    plannedStart: op.planned_start.toISOString(),
    plannedEnd: op.planned_end.toISOString(),
  };
}
