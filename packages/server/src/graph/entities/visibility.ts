import { type Actor, can, isSystem } from '@liaison/core';
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
import { caseVisibleTo } from '../../cases/case-visibility.ts';
import type { Database } from '../../db/tables.ts';

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
 * the case feature's rule (`caseVisibleTo`), here for a query that has `cases` in scope.
 */
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

/*
 * The need-to-know rule of the graph: one rule, in SQL, for every read and every write of an entity.
 *
 * An entity follows the containers it belongs to — the cases (`case_entities`) and rescue cases
 * (`rescue_entities`) — and its own TLP:
 * - Through a container. Whoever may see one of its cases (the case rule, `visibleCases`) or is on the team of
 *   one of its rescue cases (rescue need-to-know, with `rescue.read`) sees it; when the entity itself is
 *   TLP:RED, only the people its containers name: the creator or an assigned officer of one of its cases, or a
 *   member of one of its rescue case teams.
 * - Without one. An entity in no case of its own agency and in no rescue case is seen by its own TLP: CLEAR and
 *   GREEN by everyone, AMBER and AMBER+STRICT by its agency, RED by its creator. A case of another agency that
 *   holds it does not take it from its owner (that agency only adds the people of its case).
 * So an entity that belongs only to containers the user may not see, or whose RED excludes the user, is not
 * there for them: 404 on its page, absent from search, links, charts, hits, person candidates; and since
 * every write first finds the entity through this rule, never edited, deleted, linked or re-marked.
 * Entities placed in a case take its TLP when it is stricter (`case-markings.ts`).
 */

/** True when the entity `alias` names (a row of `entities` in the surrounding query) may be seen by the actor. */
export function entityVisible(actor: Actor, alias = 'entities'): RawBuilder<boolean> {
  const e = (column: string) => sql.ref(`${alias}.${column}`);
  // A deleted (tombstoned) entity is seen by no one, the system included.
  if (isSystem(actor)) return sql<boolean>`(${e('deleted_at')} is null)`;
  const id = e('id');
  const red = sql<boolean>`${e('tlp')} = 'RED'`;
  // The entity's memberships with their case in scope as `cases` (what the case rule reads).
  const memberships = () =>
    builder
      .selectFrom('case_entities as vce')
      .innerJoin('cases', 'cases.id', 'vce.case_id')
      .select(sql.lit(1).as('one'))
      .where(sql<boolean>`vce.entity_id = ${id}`);
  const namedOnTheCase = sql<boolean>`(cases.created_by = ${actor.userId}
    or cases.assigned_officer_ids @> array[${actor.userId}]::uuid[])`;
  // Through a case: one the actor may see, and for a RED entity one that names them.
  const throughACase = can(actor, 'cases.read')
    ? sql<boolean>`exists (${memberships().where((eb) =>
        eb.or([
          eb.and([red, namedOnTheCase]),
          eb.and([sql<boolean>`not ${red}`, casesInScopeVisible(actor)(eb)]),
        ]),
      )})`
    : sql<boolean>`false`;
  const onARescueTeam = can(actor, 'rescue.read')
    ? sql<boolean>`exists (select 1 from rescue_entities vre join rescue_team vrt on vrt.case_id = vre.rescue_case_id
        where vre.entity_id = ${id} and vrt.user_id = ${actor.userId})`
    : sql<boolean>`false`;
  const uncontained = sql<boolean>`not exists (${memberships().where(sql<boolean>`cases.owner_agency_id = ${e('owner_agency_id')}`)})
    and not exists (select 1 from rescue_entities vre where vre.entity_id = ${id})`;
  const byOwnTlp = sql<boolean>`(${e('tlp')} in ('CLEAR', 'GREEN')
    or (not ${red} and ${e('owner_agency_id')} = ${actor.agencyId})
    or (${red} and ${e('created_by')} = ${actor.userId}))`;
  // Cheapest first (PostgreSQL evaluates these left to right): the row's own columns, then two index probes for
  // the usual entity in no container, then the containers.
  return sql<boolean>`(${e('deleted_at')} is null and ((${byOwnTlp} and ${uncontained})
    or ${throughACase} or ${onARescueTeam}))`;
}
