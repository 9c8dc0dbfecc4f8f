import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { OperationDetail } from '@liaison/core/operations/schemas';
import type { Ctx } from '../context.ts';
import { loadOperationDetail } from './operation-read.ts';
import { visibleOperations } from './operation-visibility.ts';

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
  if (!detail) throw new LiaisonError('not-found', 'No such operation.');
  return detail;
}
