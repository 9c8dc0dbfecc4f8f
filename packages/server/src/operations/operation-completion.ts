import { type Actor, actingUserId, authorize, can, LiaisonError } from '@liaison/core';
import { canMove } from '@liaison/core/operations/rules';
import type {
  CompleteInput,
  FollowUp,
  FollowUpInput,
  OperationDetail,
  OperationStatus,
} from '@liaison/core/operations/schemas';
import { audit, withAudit } from '../audit/audit.ts';
import { createTask } from '../cases/tasks-service.ts';
import { updateCompound } from '../compounds/compounds-service.ts';
import type { Ctx } from '../context.ts';
import { loadOperationDetail } from './operation-read.ts';
import { announceOperation, lockOperation, readOperation } from './operations-service.ts';

// Closing an operation: completion (the compounds raided change status in the register, through the compounds
// service) and follow-up tasks in the linked cases (through the cases service).

/**
 * Completes an operation under way, with a summary; then each compound target still `active` (or `relocated`)
 * becomes `raided` in the register. The register is the compounds feature's: its service writes it, in its own
 * transaction, right after this one commits (its audit entries name the change).
 */
export async function completeOperation(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: CompleteInput,
): Promise<OperationDetail> {
  authorize(actor, 'operations.plan');
  const before = await readOperation(ctx, actor, id);
  const raided = before.targets.filter(
    (t) =>
      t.kind === 'compound' &&
      t.compoundId &&
      (t.compoundStatus === 'active' || t.compoundStatus === 'relocated'),
  );
  if (raided.length > 0 && !can(actor, 'compounds.write'))
    throw new LiaisonError(
      'forbidden',
      'Completing this operation marks its compounds raided: that needs the right to change the register.',
    );
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockOperation(trx, actor, id, input.version);
    const status = row.status as OperationStatus;
    if (!canMove(status, 'completed'))
      throw new LiaisonError(
        'invalid-transition',
        status === 'go'
          ? 'Nothing is logged yet: an operation is completed once it is under way.'
          : `An operation ${status.replace('_', ' ')} cannot be completed.`,
      );
    await trx
      .updateTable('operations')
      .set({
        status: 'completed',
        status_changed_at: now,
        completed_at: now,
        outcome_summary: input.summary,
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await audit(
      { ...ctx, trx },
      actor,
      'operation.completed',
      { type: 'operation', id },
      {
        arrests: before.tally.arrests,
        rescues: before.tally.rescues,
        seizures: before.seizures.length,
        compoundsRaided: raided.map((t) => t.compoundId),
      },
    );
    await announceOperation(trx, ctx, id);
  });
  for (const target of raided) await updateCompound(ctx, actor, target.compoundId!, { status: 'raided' });
  return (await loadOperationDetail(ctx.app.db, id))!;
}

/**
 * A follow-up task in one of the operation's cases, made by the cases service (its rules: the case visible to
 * the actor, `cases.write`, an active assignee), then linked to the operation.
 */
export async function addFollowUp(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: FollowUpInput,
): Promise<FollowUp> {
  authorize(actor, 'operations.plan');
  authorize(actor, 'cases.write');
  const op = await readOperation(ctx, actor, id);
  if (!op.cases.some((c) => c.id === input.caseId))
    throw new LiaisonError('invalid-input', 'Choose one of the cases linked to this operation.', {
      fields: [
        { path: '/caseId', message: 'Choose one of the cases linked to this operation', code: 'not_found' },
      ],
    });
  const task = await createTask(ctx, actor, input.caseId, {
    title: input.title,
    ...(input.description && { description: input.description }),
    assigneeId: input.assigneeId,
    dueDate: input.dueDate,
    status: 'todo',
  });
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx
      .insertInto('operation_follow_ups')
      .values({
        operation_id: id,
        case_id: input.caseId,
        task_id: task.id,
        title: input.title,
        created_by: actingUserId(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      actor,
      'operation.follow-up',
      { type: 'operation', id },
      { caseId: input.caseId, taskId: task.id },
    );
    return {
      id: row.id,
      caseId: row.case_id,
      taskId: row.task_id,
      title: row.title,
      createdAt: row.created_at.toISOString(),
    };
  });
}
