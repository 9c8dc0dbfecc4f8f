import { type Actor, authorize } from '@liaison/core';
import type { FugitiveState, FugitiveStats, FugitiveStatsQuery } from '@liaison/core/fugitives/schemas';
import { fugitiveStats } from '@liaison/core/fugitives/stats';
import type { Ctx } from '../context.ts';

/**
 * The register's numbers (core fugitives/stats.ts): counts and durations only, no names, so `stats.read` (the
 * command dashboard) is enough. Every record counts, whatever its TLP: a count reveals no one.
 */
export async function fugitiveStatistics(
  ctx: Ctx,
  actor: Actor,
  query: FugitiveStatsQuery,
): Promise<FugitiveStats> {
  authorize(actor, 'stats.read');
  const [steps, states] = await Promise.all([
    ctx.app.db.selectFrom('fugitive_steps').select(['fugitive_id', 'state', 'occurred_at']).execute(),
    ctx.app.db.selectFrom('fugitives').select('status').execute(),
  ]);
  return fugitiveStats(
    steps.map((s) => ({
      fugitiveId: s.fugitive_id,
      state: s.state as FugitiveState,
      occurredAt: s.occurred_at.toISOString(),
    })),
    states.map((s) => s.status as FugitiveState),
    query,
  );
}
