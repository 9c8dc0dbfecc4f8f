import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  isSideOutcome,
  type RescueState,
  type RiskLevel,
  rescueStates,
  riskRank,
  type TriageQueueItem,
  type TriageTaken,
} from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { actorUserId, recordCaseEvent } from './case-events.ts';

/**
 * The triage queue: open cases with no team yet (public reports arrive this way). A triage officer takes one
 * and becomes its team, without stating a break-glass purpose: taking an untaken report is the triage job
 * itself, not an exceptional look into someone else's case. The queue shows no personal data.
 */
const queueStates: RescueState[] = rescueStates.filter((s) => s !== 'closed' && !isSideOutcome(s));

export async function triageQueue(ctx: Ctx, actor: Actor): Promise<TriageQueueItem[]> {
  authorize(actor, 'rescue.triage');
  const rows = await ctx.app.db
    .selectFrom('rescue_cases')
    .select(['id', 'reference', 'state', 'risk_level', 'created_at', 'first_channel', 'location'])
    .where('merged_into', 'is', null)
    .where('state', 'in', queueStates)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('rescue_team')
            .select('user_id')
            .whereRef('rescue_team.case_id', '=', 'rescue_cases.id'),
        ),
      ),
    )
    .limit(500)
    .execute();
  return rows
    .map(
      (r): TriageQueueItem => ({
        id: r.id,
        reference: r.reference,
        state: r.state as RescueState,
        riskLevel: r.risk_level as RiskLevel,
        reportedAt: r.created_at.toISOString(),
        channel: r.first_channel,
        province: (r.location as { province?: string }).province ?? null,
      }),
    )
    .sort(
      (a, b) => riskRank(a.riskLevel) - riskRank(b.riskLevel) || a.reportedAt.localeCompare(b.reportedAt),
    );
}

/** Takes an untaken case: the actor becomes its first team member, audited as `rescue_case.taken_from_triage`. */
export async function takeFromTriage(ctx: Ctx, actor: Actor, caseId: string): Promise<TriageTaken> {
  authorize(actor, 'rescue.triage');
  const userId = actorUserId(actor);
  if (!userId) throw new LiaisonError('forbidden', 'Only an officer can take a case from the triage queue.');
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx
      .selectFrom('rescue_cases')
      .select(['id', 'reference', 'state', 'merged_into'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new LiaisonError('not-found', 'No such rescue case.');
    if (row.merged_into)
      throw new LiaisonError('conflict', 'This case was merged into another one; work on that case.');
    if (!queueStates.includes(row.state as RescueState))
      throw new LiaisonError('conflict', 'This case is closed: there is nothing to take.');
    const team = await trx
      .selectFrom('rescue_team')
      .select('user_id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (team)
      throw new LiaisonError(
        'conflict',
        'This case already has a team: ask its team to add you, or open it with a stated purpose.',
      );
    await trx
      .insertInto('rescue_team')
      .values({ case_id: caseId, user_id: userId, added_by: userId, added_at: ctx.app.now() })
      .execute();
    await recordCaseEvent(trx, ctx, actor, caseId, { kind: 'taken_from_triage', details: { userId } });
    return { caseId: row.id, reference: row.reference };
  });
}
