import { type Actor, authorize, LiaisonError } from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { type CaseAccess, readAccess } from './rescue-access.ts';

/** Runs `read` after deciding access; the read and any refusal are audited with the stated purpose. */
export async function withReadAccess<T>(
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
    await withAudit(ctx.app.db, (trx) =>
      audit(
        { ...ctx, trx },
        actor,
        `${action}.refused`,
        { type: 'rescue_case', id: caseId },
        { reason: error instanceof LiaisonError ? error.code : 'error' },
        { purpose: ctx.purpose },
      ),
    );
    throw error;
  }
  const result = await read(access);
  await withAudit(ctx.app.db, (trx) =>
    audit(
      { ...ctx, trx },
      actor,
      access.basis === 'break-glass' ? `${action}.break_glass` : action,
      { type: 'rescue_case', id: caseId },
      {},
      { purpose: access.basis === 'break-glass' ? access.purpose : (ctx.purpose ?? 'case team') },
    ),
  );
  return result;
}
