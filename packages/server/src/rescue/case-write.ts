import { type Actor, LiaisonError } from '@liaison/core';
import type { Ctx, Tx } from '../context.ts';
import { assertCanWrite } from './rescue-access.ts';

/** Loads the case for a change by its team, locked for the transaction. */
export async function lockForWrite(trx: Tx, actor: Actor, caseId: string) {
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

/** Stamps a change: the given columns, the time and the next version. */
export async function touch(
  trx: Tx,
  ctx: Ctx,
  caseId: string,
  version: number,
  set: Record<string, unknown> = {},
) {
  await trx
    .updateTable('rescue_cases')
    .set({ ...set, updated_at: ctx.app.now(), version: version + 1 })
    .where('id', '=', caseId)
    .execute();
}
