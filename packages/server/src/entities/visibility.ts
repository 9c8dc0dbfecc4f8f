import type { Actor } from '@liaison/core';
import {
  DummyDriver,
  type Expression,
  type ExpressionBuilder,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { caseVisibleTo, visibleCases } from '../cases/case-visibility.ts';
import type { Database } from '../db/tables.ts';

// Builds subqueries only (never runs them): they are embedded in queries run on the real database.
const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * Who may see what, as SQL conditions, so every query of the graph filters in the data layer. Cases follow
 * the case feature's rule (`visibleCases`); `caseId` must not refer to a table aliased `cases`.
 */
export function caseVisible(actor: Actor, caseId: RawBuilder<unknown>): RawBuilder<boolean> {
  if (actor.via === 'system') return sql<boolean>`true`;
  return sql<boolean>`exists (${visibleCases(builder, actor).select(sql.lit(1).as('one')).where(sql<boolean>`cases.id = ${caseId}`)})`;
}

/** The case rule for a query that has `cases` in scope. */
export function casesInScopeVisible(actor: Actor) {
  return <DB extends Database, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> =>
    caseVisibleTo(actor)(eb as unknown as ExpressionBuilder<Database, 'cases'>);
}

/*
 * The tombstone rule. A deleted entity (`deleted_at` set) is out of the graph for everyone, the system
 * included. Its row stays, and so do the rows that name it (hits, access requests, links, case memberships,
 * person-match decisions, saved charts), so the record and the audit trail hold together; but:
 * - its identifiers leave the index in the transaction that deletes it (`deleteEntity`), so correlation, the
 *   hit check and identifier search never meet it and need no filter on their hot paths;
 * - every read that reaches an entity through another table requires the entity row to be live: entities by
 *   `entityVisible`, rows naming entities by `noneDeleted` (a primary-key probe per row, no scan). Nothing
 *   naming a deleted entity is listed, counted, traversed, linked to or changed.
 */

/** True when none of the entities named by `ids` (column references) is deleted. */
export function noneDeleted(...ids: RawBuilder<unknown>[]): RawBuilder<boolean> {
  return sql<boolean>`not exists (select 1 from entities tomb where tomb.id in (${sql.join(ids)}) and tomb.deleted_at is not null)`;
}

/**
 * Entities: the owner agency, anyone for TLP CLEAR/GREEN, and anyone who may see a case the entity is in;
 * never a deleted one (the tombstone rule above).
 * `alias` names the `entities` row in the surrounding query.
 */
export function entityVisible(actor: Actor, alias = 'entities'): RawBuilder<boolean> {
  const e = (column: string) => sql.ref(`${alias}.${column}`);
  // A deleted (tombstoned) entity is seen by no one, the system included.
  if (actor.via === 'system') return sql<boolean>`(${e('deleted_at')} is null)`;
  return sql<boolean>`(${e('deleted_at')} is null and (${e('owner_agency_id')} = ${actor.agencyId} or ${e('tlp')} in ('CLEAR', 'GREEN')
    or exists (select 1 from case_entities vce where vce.entity_id = ${e('id')} and ${caseVisible(actor, sql.ref('vce.case_id'))})))`;
}
