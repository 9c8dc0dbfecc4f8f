import { type Actor, authorize, LiaisonError, type Tlp } from '@liaison/core';
import { isAuditedRead } from '@liaison/core/cases/case-access';
import {
  assertCaseTransition,
  type CaseDetail,
  type CaseInput,
  type CaseListQuery,
  type CasePatch,
  type CaseStatus,
  type CaseStatusChange,
  type CaseView,
  formatCaseNumber,
  sortTimeline,
} from '@liaison/core/cases/index';
import { sql } from 'kysely';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import { raiseToCaseTlp } from '../graph/entities/case-markings.ts';
import { listVisibleCases } from './case-list.ts';
import {
  allocateCaseSequence,
  assertReferencesExist,
  auditCase,
  findVisibleCase,
  lockVisibleCase,
} from './case-repository.ts';
import {
  presentAttachment,
  presentCase,
  presentNote,
  presentTask,
  presentTimelineEvent,
} from './presenters.ts';
import { selectTasks } from './tasks-service.ts';

export function listCases(ctx: Ctx, actor: Actor, query: CaseListQuery) {
  authorize(actor, 'cases.read');
  return listVisibleCases(ctx.app.db, actor, query);
}

/** Opens a case: the number comes from the owner agency's counter for this year, inside the same transaction. */
export async function createCase(ctx: Ctx, actor: Actor, input: CaseInput): Promise<CaseView> {
  authorize(actor, 'cases.write');
  await assertReferencesExist(ctx.app.db, input);
  const now = ctx.app.now();
  const id = await withAudit(ctx.app.db, async (trx) => {
    const year = now.getUTCFullYear();
    const seq = await allocateCaseSequence(trx, actor.agencyCode, year);
    const number = formatCaseNumber(actor.agencyCode, year, seq);
    const row = await trx
      .insertInto('cases')
      .values({
        number,
        owner_agency_id: actor.agencyId,
        lead_agency: input.leadAgency,
        title: input.title,
        summary: input.summary,
        language: input.language,
        crime_types: input.crimeTypes,
        priority: input.priority,
        tlp: input.markings.tlp,
        handling_code: input.markings.handlingCode,
        handling_note: input.markings.handlingNote ?? null,
        participating_unit_ids: input.participatingUnitIds,
        assigned_officer_ids: input.assignedOfficerIds,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCase(trx, ctx, actor, 'case.created', row.id, {
      number,
      tlp: input.markings.tlp,
      crimeTypes: input.crimeTypes,
    });
    return row.id;
  });
  return loadCase(ctx.app.db, actor, id);
}

async function loadCase(db: Db, actor: Actor, caseId: string): Promise<CaseView> {
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new LiaisonError('not-found', 'No such case.');
  return presentCase(row);
}

/** The case page: the case and all its parts. Reading a TLP:RED or AMBER+STRICT case is audited. */
export async function getCase(ctx: Ctx, actor: Actor, caseId: string): Promise<CaseDetail> {
  authorize(actor, 'cases.read');
  const db = ctx.app.db;
  const row = await findVisibleCase(db, actor, caseId);
  if (!row) throw new LiaisonError('not-found', 'No such case.');
  if (isAuditedRead(row.tlp as Tlp)) {
    await withAudit(db, (trx) => auditCase(trx, ctx, actor, 'case.read', caseId, { tlp: row.tlp }));
  }
  const [tasks, notes, attachments, timeline] = await Promise.all([
    selectTasks(db).where('case_id', '=', caseId).orderBy('created_at').limit(1000).execute(),
    db
      .selectFrom('case_notes')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .limit(1000)
      .execute(),
    db
      .selectFrom('case_attachments')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .limit(1000)
      .execute(),
    db
      .selectFrom('case_timeline_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('occurred_at')
      .limit(1000)
      .execute(),
  ]);
  const today = ctx.app.now().toISOString().slice(0, 10);
  const open = tasks.filter((t) => t.status === 'todo' || t.status === 'in_progress');
  return {
    case: presentCase(row),
    tasks: tasks.map(presentTask),
    notes: notes.map(presentNote),
    attachments: attachments.map(presentAttachment),
    timeline: sortTimeline(timeline.map(presentTimelineEvent)),
    counts: {
      tasks: tasks.length,
      openTasks: open.length,
      overdueTasks: open.filter((t) => t.due_date !== null && t.due_date < today).length,
      notes: notes.length,
      attachments: attachments.length,
      timeline: timeline.length,
    },
  };
}

function staleVersion(current: number): LiaisonError {
  return new LiaisonError(
    'conflict',
    `Someone changed this case meanwhile (now version ${current}); reload and apply your change again.`,
    {
      extra: { currentVersion: current },
    },
  );
}

/** Changes fields of a case the client read at `version`; a stale version is a 409 and changes nothing. */
export async function updateCase(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  version: number,
  patch: CasePatch,
): Promise<CaseView> {
  authorize(actor, 'cases.write');
  await assertReferencesExist(ctx.app.db, patch);
  await withAudit(ctx.app.db, async (trx) => {
    const before = await lockVisibleCase(trx, actor, caseId);
    if (before.version !== version) throw staleVersion(before.version);
    await trx
      .updateTable('cases')
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.summary !== undefined && { summary: patch.summary }),
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.crimeTypes !== undefined && { crime_types: patch.crimeTypes }),
        ...(patch.priority !== undefined && { priority: patch.priority }),
        ...(patch.leadAgency !== undefined && { lead_agency: patch.leadAgency }),
        ...(patch.participatingUnitIds !== undefined && {
          participating_unit_ids: patch.participatingUnitIds,
        }),
        ...(patch.assignedOfficerIds !== undefined && { assigned_officer_ids: patch.assignedOfficerIds }),
        ...(patch.markings !== undefined && {
          tlp: patch.markings.tlp,
          handling_code: patch.markings.handlingCode,
          handling_note: patch.markings.handlingNote ?? null,
        }),
        updated_at: ctx.app.now(),
        version: sql`version + 1`,
      })
      .where('id', '=', caseId)
      .execute();
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'case', id: caseId });
    await auditCase(trx, ctx, actor, 'case.updated', caseId, {
      fields: Object.keys(patch),
      ...(patch.markings && { tlpBefore: before.tlp, tlpAfter: patch.markings.tlp }),
    });
    // A stricter case takes its agency's entities with it (the graph's rule, entities/case-markings.ts).
    if (patch.markings) await raiseToCaseTlp(trx, ctx, actor, caseId);
  });
  return loadCase(ctx.app.db, actor, caseId);
}

/** Moves a case through its states; closing needs a close reason, reopening the reason `reopened`. */
export async function changeCaseStatus(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  change: CaseStatusChange,
): Promise<CaseView> {
  authorize(actor, 'cases.write');
  await withAudit(ctx.app.db, async (trx) => {
    const before = await lockVisibleCase(trx, actor, caseId);
    const from = before.status as CaseStatus;
    assertCaseTransition(from, change.to, change.reason);
    await trx
      .updateTable('cases')
      .set({
        status: change.to,
        close_reason: change.to === 'closed' ? (change.reason ?? null) : null,
        updated_at: ctx.app.now(),
        version: sql`version + 1`,
      })
      .where('id', '=', caseId)
      .execute();
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'case', id: caseId });
    await auditCase(trx, ctx, actor, 'case.status_changed', caseId, {
      from,
      to: change.to,
      reason: change.reason ?? null,
    });
  });
  return loadCase(ctx.app.db, actor, caseId);
}
