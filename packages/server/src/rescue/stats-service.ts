import { type Actor, authorize } from '@liaison/core';
import {
  type ReportChannel,
  type RescueState,
  type RescueStats,
  rescueDurations,
  rescueStats,
} from '@liaison/core/rescue/index';
import type { Ctx } from '../context.ts';

/** Anonymised figures (cells under three suppressed): safe to show outside the case team. */
export async function rescueStatistics(ctx: Ctx, actor: Actor): Promise<RescueStats> {
  authorize(actor, 'stats.read');
  const cases = await ctx.app.db
    .selectFrom('rescue_cases')
    .select(['id', 'created_at', 'first_channel', 'location', 'state'])
    .where('merged_into', 'is', null)
    .execute();
  const changes = await ctx.app.db
    .selectFrom('rescue_events')
    .select(['case_id', 'to_state', 'at'])
    .where('kind', 'in', ['reported', 'state_changed'])
    .where('to_state', 'is not', null)
    .execute();
  const byCase = new Map<string, { to: RescueState; at: Date }[]>();
  for (const c of changes)
    byCase.set(c.case_id, [...(byCase.get(c.case_id) ?? []), { to: c.to_state as RescueState, at: c.at }]);
  return rescueStats(
    cases.map((c) => ({
      reportedAt: c.created_at,
      channel: c.first_channel as ReportChannel,
      province: (c.location as { province?: string }).province,
      state: c.state as RescueState,
      durations: rescueDurations(byCase.get(c.id) ?? [{ to: 'reported', at: c.created_at }]),
    })),
  );
}
