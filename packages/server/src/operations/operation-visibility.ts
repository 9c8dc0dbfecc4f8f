import { type Actor, can, isSystem } from '@liaison/core';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../context.ts';
import type { Database } from '../db/tables.ts';

/**
 * Who sees an operation: a holder of `operations.read` in one of its agencies (the owner, the lead on the
 * ground, the partner). A TLP:RED plan stays with the owner agency and the officers named on its teams.
 * The node's own jobs see every operation.
 */
export function operationVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'operations'>): Expression<SqlBool> => {
    if (isSystem(actor)) return sql<boolean>`true`;
    if (!can(actor, 'operations.read')) return sql<boolean>`false`;
    const agency = actor.agencyCode;
    const named = sql<boolean>`(operations.created_by = ${actor.userId} or exists (
      select 1 from jsonb_array_elements(operations.teams) as t
      where t->>'leaderId' = ${actor.userId} or t->'officerIds' @> jsonb_build_array(${actor.userId}::text)))`;
    const ofItsAgencies = eb.or([
      eb('operations.owner_agency', '=', agency),
      eb('operations.lead_agency', '=', agency),
      eb('operations.partner_agency', '=', agency),
    ]);
    return eb.or([
      named,
      eb('operations.owner_agency', '=', agency),
      eb.and([eb('operations.tlp', '<>', 'RED'), ofItsAgencies]),
    ]);
  };
}

/** `select … from operations` narrowed to what the actor may see: every operation query starts here. */
export function visibleOperations(db: Db, actor: Actor) {
  return db.selectFrom('operations').where(operationVisibleTo(actor));
}
