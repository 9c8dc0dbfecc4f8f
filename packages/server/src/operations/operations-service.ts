import { type Actor, actingUserId, authorize, type FieldProblemInput, LiaisonError } from '@liaison/core';
import { canMove, goProblems, planEditable, timingProblems } from '@liaison/core/operations/rules';
import type {
  DecisionInput,
  LegalAuthority,
  OperationDetail,
  OperationInput,
  OperationPatch,
  OperationStatus,
  OperationSummary,
  Timing,
} from '@liaison/core/operations/schemas';
import { sql } from 'kysely';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';
import { loadOperationDetail, timingOf } from './operation-read.ts';
import { assertPlanReferences, targetRows } from './operation-references.ts';
import { visibleOperations } from './operation-visibility.ts';

// Planning and deciding joint operations: the plan (create, edit, list, cancel) and the commander's go/no-go.
// The execution log is `operation-log.ts`, the outcome `operation-outcome.ts`.

const notFound = () => new LiaisonError('not-found', 'No such operation.');

/**
 * Tells the node's change feed that an operation changed (changes/record-changes.ts), in the writing
 * transaction: the travelling kind (operations/federation) sends it on to partners holding a case it is in.
 */
export function announceOperation(trx: Tx, ctx: Ctx, id: string): Promise<void> {
  return ctx.app.changes.announce(trx, { on: 'record', record: 'operation', ids: [id] });
}

/**
 * One operation as the actor may see it (`operation-visibility.ts`): its plan, decisions, log and outcome.
 * 404 when there is none or the actor may not see it, so existence is not confirmed.
 */
export async function readOperation(ctx: Ctx, actor: Actor, id: string): Promise<OperationDetail> {
  authorize(actor, 'operations.read');
  const visible = await visibleOperations(ctx.app.db, actor)
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  const detail = visible ? await loadOperationDetail(ctx.app.db, id) : null;
  if (!detail) throw notFound();
  return detail;
}

/** The operations the actor may see, the next to start first; filtered by status and a code name or reference. */
export async function listOperations(
  ctx: Ctx,
  actor: Actor,
  filter: { status?: OperationStatus | undefined; q?: string | undefined } = {},
): Promise<OperationSummary[]> {
  authorize(actor, 'operations.read');
  let query = visibleOperations(ctx.app.db, actor).selectAll('operations');
  if (filter.status) query = query.where('operations.status', '=', filter.status);
  if (filter.q) {
    const q = `%${filter.q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('code_name', 'ilike', q), eb('reference', 'ilike', q)]));
  }
  const rows = await query.orderBy('planned_start', 'desc').limit(500).execute();
  const ids = rows.map((r) => r.id);
  const count = async (table: 'operation_arrests' | 'operation_rescues' | 'operation_seizures') =>
    new Map(
      ids.length === 0
        ? []
        : (
            await ctx.app.db
              .selectFrom(table)
              .select(['operation_id', (eb) => eb.fn.countAll<string>().as('n')])
              .where('operation_id', 'in', ids)
              .groupBy('operation_id')
              .execute()
          ).map((r) => [r.operation_id, Number(r.n)]),
    );
  const [arrests, rescues, seizures] = await Promise.all([
    count('operation_arrests'),
    count('operation_rescues'),
    count('operation_seizures'),
  ]);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    codeName: r.code_name,
    status: r.status as OperationStatus,
    statusChangedAt: r.status_changed_at.toISOString(),
    leadAgency: r.lead_agency,
    partnerAgency: r.partner_agency,
    crimeTypes: r.crime_types as OperationSummary['crimeTypes'],
    plannedStart: r.planned_start.toISOString(),
    plannedEnd: r.planned_end.toISOString(),
    tlp: r.tlp as OperationSummary['tlp'],
    handlingCode: r.handling_code,
    arrests: arrests.get(r.id) ?? 0,
    rescues: rescues.get(r.id) ?? 0,
    seizures: seizures.get(r.id) ?? 0,
    updatedAt: r.updated_at.toISOString(),
  }));
}

function refuseTiming(timing: Timing) {
  const problems = timingProblems(timing);
  if (problems.length > 0)
    throw new LiaisonError('invalid-input', `${problems[0]!.message}.`, { fields: problems });
}

/** `CNP-OP-2026-0001`: one counter per agency and year, taken under the counter row's lock. */
export async function nextReference(trx: Tx, agencyCode: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const row = await trx
    .insertInto('operation_counters')
    .values({ agency_code: agencyCode, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_code', 'year'])
        .doUpdateSet((eb) => ({ last_seq: eb('operation_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return `${agencyCode}-OP-${year}-${String(row.last_seq).padStart(4, '0')}`;
}

/** Plans an operation (status `planning`): every reference checked first, then one transaction with its audit. */
export async function createOperation(
  ctx: Ctx,
  actor: Actor,
  input: OperationInput,
): Promise<OperationDetail> {
  authorize(actor, 'operations.plan');
  refuseTiming(input.timing);
  await assertPlanReferences(ctx.app.db, actor, input);
  const now = ctx.app.now();
  const id = await withAudit(ctx.app.db, async (trx) => {
    const reference = await nextReference(trx, actor.agencyCode, now);
    const row = await trx
      .insertInto('operations')
      .values({
        reference,
        code_name: input.codeName,
        objective: input.objective,
        status_changed_at: now,
        owner_agency: actor.agencyCode,
        lead_agency: input.leadAgency,
        partner_agency: input.partnerAgency,
        crime_types: input.crimeTypes,
        case_ids: input.caseIds,
        intelligence: JSON.stringify(input.intelligence),
        teams: JSON.stringify(input.teams),
        legal_authority: JSON.stringify(input.legalAuthority),
        briefing_at: input.timing.briefingAt ?? null,
        planned_start: input.timing.plannedStart,
        planned_end: input.timing.plannedEnd,
        risks: JSON.stringify(input.risks),
        tlp: input.markings.tlp,
        handling_code: input.markings.handlingCode,
        handling_note: input.markings.handlingNote ?? null,
        created_by: actingUserId(actor),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const targets = await targetRows(trx, row.id, input.targets);
    if (targets.length > 0) await trx.insertInto('operation_targets').values(targets).execute();
    await audit(
      { ...ctx, trx },
      actor,
      'operation.created',
      { type: 'operation', id: row.id },
      {
        reference,
        leadAgency: input.leadAgency,
        partnerAgency: input.partnerAgency,
        caseIds: input.caseIds,
        targets: input.targets.length,
      },
    );
    await announceOperation(trx, ctx, row.id);
    return row.id;
  });
  return (await loadOperationDetail(ctx.app.db, id))!;
}

/** The operation row, locked, when the actor may see it; 404 otherwise; 409 when the version read is not current. */
export async function lockOperation(trx: Tx, actor: Actor, id: string, version?: number) {
  const row = await visibleOperations(trx, actor)
    .selectAll('operations')
    .where('operations.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version)
    throw new LiaisonError('conflict', 'Someone changed this operation meanwhile: reload it and try again.', {
      extra: { currentVersion: row.version },
    });
  return row;
}

/**
 * Edits the plan. A plan that had its GO goes back to `planning`: the commander decided on the old plan and
 * decides again. Refused once the raid is under way.
 */
export async function updateOperation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: OperationPatch,
): Promise<OperationDetail> {
  authorize(actor, 'operations.plan');
  const { version, ...fields } = patch;
  await assertPlanReferences(ctx.app.db, actor, fields);
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockOperation(trx, actor, id, version);
    const status = row.status as OperationStatus;
    if (!planEditable(status))
      throw new LiaisonError(
        'invalid-transition',
        `The plan of an operation ${status.replace('_', ' ')} cannot change.`,
      );
    const timing = fields.timing ?? timingOf(row);
    refuseTiming(timing);
    const lead = fields.leadAgency ?? row.lead_agency;
    const partner = fields.partnerAgency ?? row.partner_agency;
    if (lead === partner)
      throw new LiaisonError('invalid-input', 'A joint operation has two different agencies.', {
        fields: [
          {
            path: fields.partnerAgency ? '/partnerAgency' : '/leadAgency',
            message: 'A joint operation has two different agencies',
          },
        ],
      });
    const reopened = status === 'go' || status === 'no_go';
    await trx
      .updateTable('operations')
      .set({
        ...(fields.codeName !== undefined && { code_name: fields.codeName }),
        ...(fields.objective !== undefined && { objective: fields.objective }),
        lead_agency: lead,
        partner_agency: partner,
        ...(fields.crimeTypes !== undefined && { crime_types: fields.crimeTypes }),
        ...(fields.caseIds !== undefined && { case_ids: fields.caseIds }),
        ...(fields.intelligence !== undefined && { intelligence: JSON.stringify(fields.intelligence) }),
        ...(fields.teams !== undefined && { teams: JSON.stringify(fields.teams) }),
        ...(fields.legalAuthority !== undefined && {
          legal_authority: JSON.stringify(fields.legalAuthority),
        }),
        ...(fields.risks !== undefined && { risks: JSON.stringify(fields.risks) }),
        briefing_at: timing.briefingAt ?? null,
        planned_start: timing.plannedStart,
        planned_end: timing.plannedEnd,
        ...(fields.markings !== undefined && {
          tlp: fields.markings.tlp,
          handling_code: fields.markings.handlingCode,
          handling_note: fields.markings.handlingNote ?? null,
        }),
        ...(reopened && { status: 'planning', status_changed_at: now }),
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    if (fields.targets !== undefined) {
      await trx.deleteFrom('operation_targets').where('operation_id', '=', id).execute();
      const targets = await targetRows(trx, id, fields.targets);
      if (targets.length > 0) await trx.insertInto('operation_targets').values(targets).execute();
    }
    await audit(
      { ...ctx, trx },
      actor,
      'operation.updated',
      { type: 'operation', id },
      { fields: Object.keys(fields), ...(reopened && { from: status, to: 'planning' }) },
    );
    await announceOperation(trx, ctx, id);
  });
  return (await loadOperationDetail(ctx.app.db, id))!;
}

/**
 * The commander's go/no-go. A GO is refused (400, every reason named by field) without legal authority on both
 * sides — the lead's and the partner's, valid on the day — or with impossible timing (ends before it starts,
 * briefing after the start, a window already over). A NO-GO needs a reason.
 */
export async function decideOperation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: DecisionInput,
): Promise<OperationDetail> {
  authorize(actor, 'operations.decide');
  const now = ctx.app.now();
  const decidedBy = actingUserId(actor);
  if (!decidedBy) throw new LiaisonError('forbidden', 'A go/no-go is decided by a commander, by name.');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockOperation(trx, actor, id, input.version);
    const status = row.status as OperationStatus;
    if (!canMove(status, input.decision))
      throw new LiaisonError(
        'invalid-transition',
        `An operation ${status.replace('_', ' ')} cannot be decided ${input.decision === 'go' ? 'GO' : 'NO-GO'}.`,
      );
    if (input.decision === 'go') {
      const problems: FieldProblemInput[] = goProblems(
        {
          leadAgency: row.lead_agency,
          partnerAgency: row.partner_agency,
          legalAuthority: row.legal_authority as LegalAuthority[],
          timing: timingOf(row),
        },
        now,
      );
      if (problems.length > 0)
        throw new LiaisonError('invalid-input', `GO refused: ${problems.map((p) => p.message).join('; ')}.`, {
          fields: problems,
        });
    }
    await trx
      .insertInto('operation_decisions')
      .values({
        operation_id: id,
        decision: input.decision,
        reason: input.reason,
        decided_by: decidedBy,
        decided_at: now,
      })
      .execute();
    await trx
      .updateTable('operations')
      .set({ status: input.decision, status_changed_at: now, updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit(
      { ...ctx, trx },
      actor,
      'operation.decided',
      { type: 'operation', id },
      { decision: input.decision, from: status, reason: input.reason || null },
    );
    await announceOperation(trx, ctx, id);
  });
  return (await loadOperationDetail(ctx.app.db, id))!;
}

/** Calls an operation off before it is under way, with the reason. */
export async function cancelOperation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { reason: string; version: number },
): Promise<OperationDetail> {
  authorize(actor, 'operations.plan');
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockOperation(trx, actor, id, input.version);
    const status = row.status as OperationStatus;
    if (!canMove(status, 'cancelled'))
      throw new LiaisonError(
        'invalid-transition',
        `An operation ${status.replace('_', ' ')} cannot be called off.`,
      );
    await trx
      .updateTable('operations')
      .set({
        status: 'cancelled',
        status_changed_at: now,
        outcome_summary: input.reason,
        updated_at: now,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    await audit(
      { ...ctx, trx },
      actor,
      'operation.cancelled',
      { type: 'operation', id },
      { from: status, reason: input.reason },
    );
    await announceOperation(trx, ctx, id);
  });
  return (await loadOperationDetail(ctx.app.db, id))!;
}
