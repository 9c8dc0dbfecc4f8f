import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  assertLinkEndpoints,
  type EntityType,
  validateLinkInput,
  wouldCreateSameAsCycle,
} from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Tx } from '../../context.ts';
import { entityVisible, noneDeleted } from '../entities/visibility.ts';
import { announceLinks } from '../intake/announce.ts';
import { insertLinks } from '../intake/link-intake.ts';
import { presentLink } from './link-presenter.ts';

const SAME_AS_LOCK = 7_236_003;

/**
 * Every same_as edge in the classes of the given entities (what a new same_as edge is checked against). An
 * edge to a deleted entity is out of the graph: it joins nothing and is never named in a refusal.
 */
export async function sameAsEdgesAround(trx: Tx, ids: readonly string[]) {
  const live = noneDeleted(sql.ref('l.source_id'), sql.ref('l.target_id'));
  const result = await sql<{ sourceId: string; targetId: string }>`
    with recursive members(id) as (
      select unnest(${[...ids]}::uuid[])
      union
      select case when l.source_id = m.id then l.target_id else l.source_id end
      from links l join members m on l.source_id = m.id or l.target_id = m.id
      where l.type = 'same_as' and ${live}
    )
    select l.source_id as "sourceId", l.target_id as "targetId" from links l
    where l.type = 'same_as' and l.source_id in (select id from members) and ${live}
  `.execute(trx);
  return result.rows;
}

/** Refuses a same_as link that closes a cycle: 409 naming the chain that already joins the two. */
export async function assertNoSameAsCycle(trx: Tx, sourceId: string, targetId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SAME_AS_LOCK})`.execute(trx);
  const cycle = wouldCreateSameAsCycle(await sameAsEdgesAround(trx, [sourceId, targetId]), {
    sourceId,
    targetId,
  });
  if (cycle)
    throw new LiaisonError('conflict', cycle.message, { extra: { reason: cycle.reason, path: cycle.path } });
}

/** Links two entities: both must exist and be visible (404 naming the field), the types must fit, no same_as cycle. */
export async function createLink(ctx: Ctx, actor: Actor, input: unknown, trxIn?: Tx) {
  authorize(actor, 'entities.write');
  const link = validateLinkInput(input);
  const run = async (trx: Tx) => {
    const ends = await trx
      .selectFrom('entities')
      .select(['id', 'type'])
      .where('id', 'in', [link.sourceId, link.targetId])
      .where(entityVisible(actor))
      .execute();
    const typeOf = new Map(ends.map((e) => [e.id, e.type as EntityType]));
    for (const [field, id] of [
      ['/sourceId', link.sourceId],
      ['/targetId', link.targetId],
    ] as const) {
      if (!typeOf.has(id))
        throw new LiaisonError('not-found', `No entity ${id} that you may see.`, {
          fields: [{ path: field, message: 'No such entity', code: 'not_found' }],
        });
    }
    assertLinkEndpoints(link, typeOf.get(link.sourceId)!, typeOf.get(link.targetId)!);
    if (link.type === 'same_as') await assertNoSameAsCycle(trx, link.sourceId, link.targetId);
    const row = (
      await insertLinks(trx, [{ ...link, ownerAgencyId: actor.agencyId, createdBy: actor.userId }])
    )[0]!;
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'link.created',
      { type: 'link', id: row.id },
      { type: row.type, sourceId: row.source_id, targetId: row.target_id },
    );
    await announceLinks(trx, ctx.app, [row.id]);
    return presentLink(row);
  };
  return trxIn ? run(trxIn) : withAudit(ctx.app.db, run);
}
