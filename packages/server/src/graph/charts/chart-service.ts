import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { SavedChart } from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Db } from '../../context.ts';
import { entityVisible } from '../entities/visibility.ts';

export interface ChartInput {
  name: string;
  nodeIds: string[];
  positions: Record<string, { x: number; y: number }>;
}

type ChartRow = {
  id: string;
  name: string;
  owner_id: string;
  node_ids: string[];
  positions: Record<string, { x: number; y: number }>;
  created_at: Date;
  updated_at: Date;
};

function present(row: ChartRow, shown: ReadonlySet<string>): SavedChart {
  const nodeIds = row.node_ids.filter((id) => shown.has(id));
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    nodeIds,
    positions: Object.fromEntries(Object.entries(row.positions).filter(([id]) => shown.has(id))),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The entities of saved charts the actor may see now. A chart keeps the ids it was saved with, but shows (and
 * counts) only these: a deleted entity (the tombstone rule) or one no longer visible is left out, so opening
 * the chart does not fail on it.
 */
async function shownEntities(db: Db, actor: Actor, rows: readonly ChartRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.flatMap((row) => row.node_ids))];
  if (ids.length === 0) return new Set();
  const visible = await db
    .selectFrom('entities')
    .select('id')
    // One array parameter: the charts of a list may name many thousands of entities.
    .where(sql<boolean>`entities.id = any(${ids}::uuid[])`)
    .where(entityVisible(actor))
    .execute();
  return new Set(visible.map((e) => e.id));
}

/** Saves a link chart (which entities, where): the entities are read again, with visibility, when it is opened. */
export async function saveChart(ctx: Ctx, actor: Actor, input: ChartInput) {
  authorize(actor, 'entities.read');
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx
      .insertInto('link_charts')
      .values({
        name: input.name,
        owner_id: actor.userId,
        agency_id: actor.agencyId,
        node_ids: input.nodeIds,
        positions: JSON.stringify(input.positions),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'chart.saved',
      { type: 'link_chart', id: row.id },
      { name: input.name, nodes: input.nodeIds.length },
    );
    return present(row, await shownEntities(trx, actor, [row]));
  });
}

/** The actor's own charts. */
export async function listCharts(ctx: Ctx, actor: Actor) {
  authorize(actor, 'entities.read');
  const rows = await ctx.app.db
    .selectFrom('link_charts')
    .selectAll()
    .where('owner_id', '=', actor.userId)
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
  const shown = await shownEntities(ctx.app.db, actor, rows);
  return rows.map((row) => present(row, shown));
}

export async function getChart(ctx: Ctx, actor: Actor, id: string) {
  authorize(actor, 'entities.read');
  const row = await ctx.app.db
    .selectFrom('link_charts')
    .selectAll()
    .where('id', '=', id)
    .where('owner_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such chart.');
  return present(row, await shownEntities(ctx.app.db, actor, [row]));
}
