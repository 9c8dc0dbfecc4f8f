import { type Actor, authorize, LiaisonError } from '@liaison/core';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';

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

function present(row: ChartRow) {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    nodeIds: row.node_ids,
    positions: row.positions,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Saves a link chart (which entities, where): the entities are read again, with visibility, when it is opened. */
export async function saveChart(ctx: Ctx, actor: Actor, input: ChartInput) {
  authorize(actor, 'entities.read');
  return ctx.app.db.transaction().execute(async (trx) => {
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
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'chart.saved',
      recordType: 'link_chart',
      recordId: row.id,
      ip: ctx.ip,
      details: { name: input.name, nodes: input.nodeIds.length },
    });
    return present(row);
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
  return rows.map(present);
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
  return present(row);
}
