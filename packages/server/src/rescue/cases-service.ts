import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  applyRiskOverride,
  assertRescueTransition,
  nextRescueStates,
  type Repatriation,
  type RescueState,
  type RiskAssessment,
  type RiskLevel,
  repatriationProgress,
  riskRank,
  type ScreeningRecord,
  screen,
  stageClock,
} from '@liaison/core/rescue/index';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx, Tx } from '../context.ts';
import { actorUserId, recordCaseEvent } from './case-events.ts';
import { assertCanWrite, type CaseAccess, readAccess } from './rescue-access.ts';

const closedStates = ['closed'];

function clockOf(row: { state: string; state_entered_at: Date; risk_level: string }, now: Date) {
  return stageClock(row.state as RescueState, row.state_entered_at, row.risk_level as RiskLevel, now);
}

/** The 24/7 board: open cases by risk, then age. No personal data: reference, state, risk, clock, place. */
export async function rescueBoard(ctx: Ctx, actor: Actor) {
  authorize(actor, 'rescue.read');
  const rows = await ctx.app.db
    .selectFrom('rescue_cases')
    .leftJoin('compounds', 'compounds.id', 'rescue_cases.compound_id')
    .select([
      'rescue_cases.id',
      'rescue_cases.reference',
      'rescue_cases.state',
      'rescue_cases.state_entered_at',
      'rescue_cases.risk_level',
      'rescue_cases.created_at',
      'rescue_cases.first_channel',
      'rescue_cases.location',
      'rescue_cases.escalated_at',
      'compounds.name as compound_name',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('rescue_team')
            .select('user_id')
            .whereRef('rescue_team.case_id', '=', 'rescue_cases.id')
            .where('rescue_team.user_id', '=', actor.userId),
        )
        .as('on_team'),
    )
    .where('rescue_cases.merged_into', 'is', null)
    .where('rescue_cases.state', 'not in', closedStates)
    .limit(1000)
    .execute();
  const now = ctx.app.now();
  return rows
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state,
      riskLevel: r.risk_level,
      reportedAt: r.created_at.toISOString(),
      stateEnteredAt: r.state_entered_at.toISOString(),
      channel: r.first_channel,
      province: (r.location as { province?: string }).province ?? null,
      compoundName: r.compound_name,
      clock: clockOf(r, now),
      escalated: r.escalated_at !== null,
      onTeam: Boolean(r.on_team),
    }))
    .sort(
      (a, b) =>
        riskRank(a.riskLevel as RiskLevel) - riskRank(b.riskLevel as RiskLevel) ||
        a.reportedAt.localeCompare(b.reportedAt),
    );
}

/** Runs `read` after deciding access; the read and any refusal are audited with the stated purpose. */
async function withReadAccess<T>(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  action: string,
  read: (access: CaseAccess) => Promise<T>,
): Promise<T> {
  authorize(actor, 'rescue.read');
  const exists = await ctx.app.db
    .selectFrom('rescue_cases')
    .select('id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!exists) throw new LiaisonError('not-found', 'No such rescue case.');
  let access: CaseAccess;
  try {
    access = await readAccess(ctx, actor, caseId);
  } catch (error) {
    await ctx.app.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actorId: actorUserId(actor),
        actorAgency: actor.agencyCode,
        action: `${action}.refused`,
        recordType: 'rescue_case',
        recordId: caseId,
        ip: ctx.ip,
        purpose: ctx.purpose,
        details: { reason: error instanceof LiaisonError ? error.code : 'error' },
      }),
    );
    throw error;
  }
  const result = await read(access);
  await ctx.app.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actorId: actorUserId(actor),
      actorAgency: actor.agencyCode,
      action: access.basis === 'break-glass' ? `${action}.break_glass` : action,
      recordType: 'rescue_case',
      recordId: caseId,
      ip: ctx.ip,
      purpose: access.basis === 'break-glass' ? access.purpose : (ctx.purpose ?? 'case team'),
    }),
  );
  return result;
}

export { withReadAccess };

/** The whole story of a case at a glance: person, reports, history, clock, risk, team, files. */
export async function getRescueCase(ctx: Ctx, actor: Actor, caseId: string) {
  return withReadAccess(ctx, actor, caseId, 'rescue_case.read', async (access) =>
    loadCaseView(ctx, caseId, access),
  );
}

export async function loadCaseView(ctx: Ctx, caseId: string, access: CaseAccess) {
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
    state: row.state,
    stateEnteredAt: row.state_entered_at.toISOString(),
    nextStates: nextRescueStates(row.state as RescueState),
    clock: clockOf(row, now),
    escalated: row.escalated_at !== null,
    mergedInto: row.merged_into,
    risk: {
      level: row.risk_level,
      assessment: row.risk_assessment as RiskAssessment,
      override: row.risk_override,
    },
    indicators: row.indicators,
    person: row.person,
    personRole: row.person_role,
    nonPunishment: row.non_punishment,
    screening: row.screening,
    consent: { given: row.consent, basis: row.consent_basis },
    location: row.location,
    compound: row.compound_id
      ? {
          id: row.compound_id,
          name: row.compound_name,
          lat: row.compound_lat,
          lon: row.compound_lon,
          province: row.compound_province,
        }
      : null,
    identifiers: row.identifiers,
    repatriation,
    repatriationProgress: repatriationProgress(repatriation),
    ownerAgency: row.owner_agency,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    access: access.basis,
    reports: reports.map((r) => ({
      id: r.id,
      channel: r.channel,
      reporter: r.reporter,
      person: r.person,
      location: r.location,
      lastContactAt: r.last_contact_at?.toISOString() ?? null,
      narrative: r.narrative,
      ransom: r.ransom,
      indicators: r.indicators,
      consent: r.consent,
      publicReference: r.public_reference,
      additions: r.additions,
      createdAt: r.created_at.toISOString(),
    })),
    history: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      from: e.from_state,
      to: e.to_state,
      reason: e.reason,
      details: e.details,
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

/** Loads the case for a change by its team, locked for the transaction. */
async function lockForWrite(trx: Tx, actor: Actor, caseId: string) {
  const row = await trx
    .selectFrom('rescue_cases')
    .selectAll()
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such rescue case.');
  await assertCanWrite(trx, actor, caseId);
  if (row.merged_into)
    throw new LiaisonError('conflict', 'This case was merged into another one; work on that case.');
  return row;
}

async function touch(trx: Tx, ctx: Ctx, caseId: string, version: number, set: Record<string, unknown> = {}) {
  await trx
    .updateTable('rescue_cases')
    .set({ ...set, updated_at: ctx.app.now(), version: version + 1 })
    .where('id', '=', caseId)
    .execute();
}

export async function transitionRescueCase(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { to: RescueState; reason?: string | undefined },
) {
  authorize(actor, 'rescue.write');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    assertRescueTransition(row.state as RescueState, input.to, { reason: input.reason });
    await touch(trx, ctx, caseId, row.version, {
      state: input.to,
      state_entered_at: ctx.app.now(),
      escalated_state: null,
      escalated_at: null,
    });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'state_changed',
      from: row.state,
      to: input.to,
      reason: input.reason ?? null,
    });
  });
  return getRescueCase({ ...ctx, purpose: ctx.purpose }, actor, caseId);
}

export async function overrideRisk(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { level: RiskLevel; reason: string },
) {
  authorize(actor, 'rescue.triage');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    const decision = applyRiskOverride(row.risk_assessment as RiskAssessment, {
      level: input.level,
      reason: input.reason,
      by: actor.userId,
      at: ctx.app.now().toISOString(),
    });
    await touch(trx, ctx, caseId, row.version, {
      risk_level: decision.level,
      risk_override: JSON.stringify(decision.override),
    });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'risk_overridden',
      reason: input.reason,
      details: { from: row.risk_level, to: decision.level },
    });
  });
}

/** A triage officer puts a user (themselves too) on the case team. */
export async function addTeamMember(ctx: Ctx, actor: Actor, caseId: string, userId: string) {
  authorize(actor, 'rescue.triage');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('rescue_cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new LiaisonError('not-found', 'No such rescue case.');
    const user = await trx
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user || user.disabled)
      throw new LiaisonError('invalid-input', 'No such active user.', {
        fields: [{ path: '/userId', message: 'Choose an active user' }],
      });
    const added = await trx
      .insertInto('rescue_team')
      .values({ case_id: caseId, user_id: userId, added_by: actorUserId(actor), added_at: ctx.app.now() })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (added) await recordCaseEvent(trx, ctx, actor, caseId, { kind: 'team_added', details: { userId } });
  });
}

export async function removeTeamMember(ctx: Ctx, actor: Actor, caseId: string, userId: string) {
  authorize(actor, 'rescue.triage');
  await ctx.app.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('rescue_team')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0)
      throw new LiaisonError('not-found', 'That user is not on the team.');
    await recordCaseEvent(trx, ctx, actor, caseId, { kind: 'team_removed', details: { userId } });
  });
}

export async function recordScreening(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: Omit<ScreeningRecord, 'screenedAt' | 'screenedBy'>,
) {
  authorize(actor, 'rescue.write');
  return ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    const result = screen(input.answers);
    const record = { ...input, screenedAt: ctx.app.now().toISOString(), screenedBy: actor.userId, result };
    await touch(trx, ctx, caseId, row.version, { screening: JSON.stringify(record) });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'screened',
      details: { outcome: result.outcome, recommendNonPunishment: result.recommendNonPunishment },
    });
    return result;
  });
}

export async function setNonPunishment(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { flag: boolean; reason: string },
) {
  authorize(actor, 'rescue.triage');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    await touch(trx, ctx, caseId, row.version, { non_punishment: input.flag });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'non_punishment_set',
      reason: input.reason,
      details: { flag: input.flag },
    });
  });
}

/** Victim and suspect are roles that change, each change with its reason in the history. */
export async function changePersonRole(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { role: 'victim' | 'suspect' | 'witness'; reason: string },
) {
  authorize(actor, 'rescue.triage');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    if (row.person_role === input.role)
      throw new LiaisonError('conflict', `The person already has the role ${input.role}.`);
    await touch(trx, ctx, caseId, row.version, { person_role: input.role });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'role_changed',
      reason: input.reason,
      details: { from: row.person_role, to: input.role },
    });
  });
}

export async function recordConsent(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { given: boolean; basis: string },
) {
  authorize(actor, 'rescue.write');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    await touch(trx, ctx, caseId, row.version, { consent: input.given, consent_basis: input.basis });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'consent_recorded',
      reason: input.basis,
      details: { given: input.given },
    });
  });
}

export async function updateRepatriation(ctx: Ctx, actor: Actor, caseId: string, input: Repatriation) {
  authorize(actor, 'rescue.write');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    await touch(trx, ctx, caseId, row.version, { repatriation: JSON.stringify(input) });
    const progress = repatriationProgress(input);
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'repatriation_updated',
      details: { done: progress.doneCount, next: progress.next },
    });
  });
}

export async function updateLocation(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { compoundId?: string | null | undefined; location: Record<string, unknown> },
) {
  authorize(actor, 'rescue.write');
  await ctx.app.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    if (input.compoundId) {
      const compound = await trx
        .selectFrom('compounds')
        .select('id')
        .where('id', '=', input.compoundId)
        .executeTakeFirst();
      if (!compound)
        throw new LiaisonError('invalid-input', 'No such compound.', {
          fields: [{ path: '/compoundId', message: 'Choose a compound from the register' }],
        });
    }
    await touch(trx, ctx, caseId, row.version, {
      location: JSON.stringify({ ...(row.location as object), ...input.location }),
      ...(input.compoundId !== undefined && { compound_id: input.compoundId }),
    });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'location_updated',
      details: { compoundLinked: Boolean(input.compoundId) },
    });
  });
}

export { actorUserId };
