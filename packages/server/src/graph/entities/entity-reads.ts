import type { Actor } from '@liaison/core';
import { authorize, LiaisonError } from '@liaison/core';
import { sql } from 'kysely';
import type { Ctx, Db } from '../../context.ts';
import { presentLink } from '../links/link-presenter.ts';
import { type EntityRow, presentEntity } from './entity-presenter.ts';
import { selectEntities } from './entity-queries.ts';
import type { StoredRoleChange } from './tables.ts';
import { casesInScopeVisible, entityVisible, noneDeleted } from './visibility.ts';

// Reading the graph as a user: the cases they may place entities in, a case's entities, an entity's page.

/** Fails with not-found (naming the field) when the case does not exist or the actor may not see it. */
export async function assertCaseVisible(db: Db, actor: Actor, caseId: string, path = '/caseId') {
  const found = await db
    .selectFrom('cases')
    .select(['id', 'tlp', 'handling_code'])
    .where('id', '=', caseId)
    .where(casesInScopeVisible(actor))
    .executeTakeFirst();
  if (!found)
    throw new LiaisonError('not-found', `No case ${caseId} that you may see.`, {
      fields: [{ path, message: 'No such case', code: 'not_found' }],
    });
  return found;
}

/** The entities of one case with their roles (the case page's Entities panel). */
export async function listCaseEntities(ctx: Ctx, actor: Actor, caseId: string) {
  authorize(actor, 'entities.read');
  await assertCaseVisible(ctx.app.db, actor, caseId);
  const rows = (await selectEntities(ctx.app.db)
    .innerJoin('case_entities', 'case_entities.entity_id', 'entities.id')
    .select(['case_entities.role', 'case_entities.role_history', 'case_entities.added_at'])
    .where('case_entities.case_id', '=', caseId)
    .where(entityVisible(actor))
    .orderBy('case_entities.added_at')
    .execute()) as Array<
    EntityRow & { role: string | null; role_history: StoredRoleChange[]; added_at: Date }
  >;
  return rows.map((row) => ({
    entity: presentEntity(row),
    role: row.role,
    roleHistory: row.role_history,
    addedAt: row.added_at.toISOString(),
  }));
}

/**
 * The entity page: the entity, its identifiers, the cases the actor may see (with roles) and its neighbours.
 * Cases the actor may not see are not counted either: that a hidden case holds the entity is the case's secret.
 */
export async function getEntityPage(ctx: Ctx, actor: Actor, entityId: string) {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  const row = (await selectEntities(db)
    .where('entities.id', '=', entityId)
    .where(entityVisible(actor))
    .executeTakeFirst()) as EntityRow | undefined;
  if (!row) throw new LiaisonError('not-found', `No entity ${entityId} that you may see.`);
  const [identifiers, cases, links] = await Promise.all([
    db
      .selectFrom('identifiers')
      .select(['kind', 'value', 'raw', 'display', 'valid', 'problem', 'details', 'property'])
      .where('entity_id', '=', entityId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('case_entities')
      .innerJoin('cases', 'cases.id', 'case_entities.case_id')
      .innerJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
      .select([
        'cases.id',
        'cases.number',
        'cases.title',
        'cases.status',
        'agencies.code as ownerAgency',
        'case_entities.role',
        'case_entities.role_history',
      ])
      .where('case_entities.entity_id', '=', entityId)
      .where(casesInScopeVisible(actor))
      .orderBy('case_entities.added_at')
      .execute(),
    db
      .selectFrom('links')
      .selectAll()
      .where((eb) => eb.or([eb('source_id', '=', entityId), eb('target_id', '=', entityId)]))
      // A deleted neighbour is gone, not restricted: neither listed nor counted (the tombstone rule).
      .where(noneDeleted(sql.ref('links.source_id'), sql.ref('links.target_id')))
      .limit(500)
      .execute(),
  ]);
  const otherIds = links.map((l) => (l.source_id === entityId ? l.target_id : l.source_id));
  const others = otherIds.length
    ? ((await selectEntities(db)
        .where('entities.id', 'in', [...new Set(otherIds)])
        .where(entityVisible(actor))
        .execute()) as EntityRow[])
    : [];
  const visible = new Map(others.map((o) => [o.id, presentEntity(o)]));
  const neighbours = links
    .filter((l) => visible.has(l.source_id === entityId ? l.target_id : l.source_id))
    .map((l) => ({
      link: presentLink(l),
      entity: visible.get(l.source_id === entityId ? l.target_id : l.source_id)!,
    }));
  return {
    entity: presentEntity(row),
    identifiers: identifiers.map((i) => ({
      ...i,
      problem: i.problem ?? undefined,
      details: i.details ?? undefined,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      ownerAgency: c.ownerAgency,
      role: c.role,
      roleHistory: c.role_history,
    })),
    neighbours,
    restrictedNeighbourCount: links.length - neighbours.length,
  };
}
