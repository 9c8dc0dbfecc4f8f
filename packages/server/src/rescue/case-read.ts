import { type Actor, authorize, LiaisonError } from '@liaison/core';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';
import { actorUserId } from './case-events.ts';
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
