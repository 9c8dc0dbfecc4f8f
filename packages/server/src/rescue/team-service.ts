import { type Actor, authorize, LiaisonError } from '@liaison/core';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { actorUserId, recordCaseEvent } from './case-events.ts';

/** A triage officer puts a user (themselves too) on the case team. */
export async function addTeamMember(ctx: Ctx, actor: Actor, caseId: string, userId: string) {
  authorize(actor, 'rescue.triage');
  await withAudit(ctx.app.db, async (trx) => {
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
  await withAudit(ctx.app.db, async (trx) => {
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
