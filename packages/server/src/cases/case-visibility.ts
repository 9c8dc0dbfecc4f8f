import { type Actor, can, isSystem } from '@liaison/core';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../context.ts';
import type { Database } from '../db/tables.ts';

/**
 * The case access rule (`canSeeCase` in core) as SQL, for any query that has `cases` in scope. Kept next to its
 * pure twin: same cases, same reasons. The array tests use `@>` so the GIN indexes serve them.
 */
export function caseVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cases'>): Expression<SqlBool> => {
    if (isSystem(actor)) return sql<boolean>`true`;
    if (!can(actor, 'cases.read')) return sql<boolean>`false`;
    const personally = eb.or([
      eb('cases.created_by', '=', actor.userId),
      sql<boolean>`cases.assigned_officer_ids @> array[${actor.userId}]::uuid[]`,
    ]);
    const byAgencyOrUnit: Expression<SqlBool>[] = [eb('cases.owner_agency_id', '=', actor.agencyId)];
    if (actor.unitId)
      byAgencyOrUnit.push(sql<boolean>`cases.participating_unit_ids @> array[${actor.unitId}]::uuid[]`);
    return eb.or([personally, eb.and([eb('cases.tlp', '<>', 'RED'), eb.or(byAgencyOrUnit)])]);
  };
}

/**
 * `select … from cases` already narrowed to what the actor may see. Every case query starts here, so no route
 * can forget the rule; join other tables onto it (`visibleCases(db, actor).innerJoin(…)`).
 */
export function visibleCases(db: Db, actor: Actor) {
  return db.selectFrom('cases').where(caseVisibleTo(actor));
}

/** The id of a case the actor may see, or null: callers answer 404 either way, so existence is not confirmed. */
export async function findVisibleCaseId(db: Db, actor: Actor, caseId: string): Promise<string | null> {
  const row = await visibleCases(db, actor)
    .select('cases.id')
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  return row?.id ?? null;
}
