import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { Task, TaskInput, TaskPatch } from '@liaison/core/cases/index';
import { sql } from 'kysely';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Db, Tx } from '../context.ts';
import { auditCase, findVisibleCase, invalidField, lockVisibleCase, touchCase } from './case-repository.ts';
import { presentTask } from './presenters.ts';

/** Task columns, with the due date as `YYYY-MM-DD` text (a date has no time zone to shift it). */
export function selectTasks(db: Db) {
  return db
    .selectFrom('case_tasks')
    .selectAll()
    .select(sql<string | null>`case_tasks.due_date::text`.as('due_date'));
}

async function assertAssignee(db: Db, assigneeId: string | null | undefined): Promise<void> {
  if (!assigneeId) return;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', assigneeId)
    .where('disabled', '=', false)
    .executeTakeFirst();
  if (!user) throw invalidField('/assigneeId', 'No such active officer', 'not_found');
}

async function loadTask(db: Db, caseId: string, taskId: string): Promise<Task> {
  const row = await selectTasks(db).where('case_id', '=', caseId).where('id', '=', taskId).executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such task.');
  return presentTask(row);
}

export async function listTasks(ctx: Ctx, actor: Actor, caseId: string): Promise<Task[]> {
  authorize(actor, 'cases.read');
  if (!(await findVisibleCase(ctx.app.db, actor, caseId)))
    throw new LiaisonError('not-found', 'No such case.');
  const rows = await selectTasks(ctx.app.db)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .limit(1000)
    .execute();
  return rows.map(presentTask);
}

export async function createTask(ctx: Ctx, actor: Actor, caseId: string, input: TaskInput): Promise<Task> {
  authorize(actor, 'cases.write');
  await assertAssignee(ctx.app.db, input.assigneeId);
  const now = ctx.app.now();
  const id = await withAudit(ctx.app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    const row = await trx
      .insertInto('case_tasks')
      .values({
        case_id: caseId,
        title: input.title,
        description: input.description ?? null,
        assignee_id: input.assigneeId,
        due_date: input.dueDate,
        status: input.status,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        completed_at: input.status === 'done' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(trx, caseId, now);
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'task', id: row.id });
    await auditCase(trx, ctx, actor, 'case.task_created', caseId, {
      taskId: row.id,
      assigneeId: input.assigneeId,
      dueDate: input.dueDate,
    });
    return row.id;
  });
  return loadTask(ctx.app.db, caseId, id);
}

async function lockTask(trx: Tx, caseId: string, taskId: string) {
  const task = await trx
    .selectFrom('case_tasks')
    .select(['id', 'status'])
    .where('case_id', '=', caseId)
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirst();
  if (!task) throw new LiaisonError('not-found', 'No such task.');
  return task;
}

export async function updateTask(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  taskId: string,
  patch: TaskPatch,
): Promise<Task> {
  authorize(actor, 'cases.write');
  await assertAssignee(ctx.app.db, patch.assigneeId);
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    const before = await lockTask(trx, caseId, taskId);
    const completes = patch.status === 'done' && before.status !== 'done';
    const reopens = patch.status !== undefined && patch.status !== 'done';
    await trx
      .updateTable('case_tasks')
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.assigneeId !== undefined && { assignee_id: patch.assigneeId }),
        ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
        ...(patch.status !== undefined && { status: patch.status }),
        ...(completes && { completed_at: now }),
        ...(reopens && { completed_at: null }),
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', taskId)
      .execute();
    await touchCase(trx, caseId, now);
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'task', id: taskId });
    await auditCase(trx, ctx, actor, 'case.task_updated', caseId, {
      taskId,
      fields: Object.keys(patch),
      statusBefore: before.status,
    });
  });
  return loadTask(ctx.app.db, caseId, taskId);
}

export async function deleteTask(ctx: Ctx, actor: Actor, caseId: string, taskId: string): Promise<void> {
  authorize(actor, 'cases.write');
  await withAudit(ctx.app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    await lockTask(trx, caseId, taskId);
    await trx.deleteFrom('case_tasks').where('id', '=', taskId).execute();
    await touchCase(trx, caseId, ctx.app.now());
    await ctx.app.changes.announce(trx, { on: 'case', caseId, record: 'task', id: taskId, deleted: true });
    await auditCase(trx, ctx, actor, 'case.task_deleted', caseId, { taskId });
  });
}
