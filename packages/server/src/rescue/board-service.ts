import { type Actor, authorize } from '@liaison/core';
import { type RescueBoardItem, type RescueState, type RiskLevel, riskRank } from '@liaison/core/rescue/index';
import type { Ctx } from '../context.ts';
import { clockOf } from './case-clock.ts';

const closedStates = ['closed'];

/** The 24/7 board: open cases by risk, then age. No personal data: reference, state, risk, clock, place. */
export async function rescueBoard(ctx: Ctx, actor: Actor): Promise<RescueBoardItem[]> {
  authorize(actor, 'rescue.read');
  const rows = await ctx.app.db
    .selectFrom('rescue_cases')
    .leftJoin('compounds', 'compounds.id', 'rescue_cases.compound_id')
    .select([
      'rescue_cases.id',
      'rescue_cases.reference',
      'rescue_cases.state',
      'rescue_cases.state_entered_at',
      'rescue_cases.risk_level',
      'rescue_cases.created_at',
      'rescue_cases.first_channel',
      'rescue_cases.location',
      'rescue_cases.escalated_at',
      'compounds.name as compound_name',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('rescue_team')
            .select('user_id')
            .whereRef('rescue_team.case_id', '=', 'rescue_cases.id')
            .where('rescue_team.user_id', '=', actor.userId),
        )
        .as('on_team'),
    )
    .where('rescue_cases.merged_into', 'is', null)
    .where('rescue_cases.state', 'not in', closedStates)
    .limit(1000)
    .execute();
  const now = ctx.app.now();
  return rows
    .map(
      (r): RescueBoardItem => ({
        id: r.id,
        reference: r.reference,
        state: r.state as RescueState,
        riskLevel: r.risk_level as RiskLevel,
        reportedAt: r.created_at.toISOString(),
        stateEnteredAt: r.state_entered_at.toISOString(),
        channel: r.first_channel,
        province: (r.location as { province?: string }).province ?? null,
        compoundName: r.compound_name,
        clock: clockOf(r, now),
        escalated: r.escalated_at !== null,
        onTeam: Boolean(r.on_team),
      }),
    )
    .sort(
      (a, b) => riskRank(a.riskLevel) - riskRank(b.riskLevel) || a.reportedAt.localeCompare(b.reportedAt),
    );
}
