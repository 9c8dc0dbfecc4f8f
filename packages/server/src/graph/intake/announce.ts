import type { GraphChange, PersonAppearance } from '../../changes/record-changes.ts';
import type { AppContext, Tx } from '../../context.ts';

// What the graph tells the node's change feed (changes/record-changes.ts), inside the transaction that made the
// change. Only the intake announces: a service writes through it and asks it to tell. A peer's change is not
// announced back (federation applied it; telling it again would echo it to the partner).

/** Entities created, changed (properties, markings) or, with `deleted`, tombstoned. */
export async function announceEntities(
  trx: Tx,
  app: AppContext,
  ids: readonly string[],
  options: { deleted?: boolean } = {},
): Promise<void> {
  await announceGraph(trx, app, { record: 'entity', ids }, options);
}

/** Entities placed in a case, their role changed or, with `deleted`, taken out of it. */
export async function announceMembers(
  trx: Tx,
  app: AppContext,
  caseId: string,
  entityIds: readonly string[],
  options: { deleted?: boolean } = {},
): Promise<void> {
  await announceGraph(trx, app, { record: 'member', ids: entityIds, caseId }, options);
}

/** Links created or, with `deleted`, removed. */
export async function announceLinks(
  trx: Tx,
  app: AppContext,
  ids: readonly string[],
  options: { deleted?: boolean } = {},
): Promise<void> {
  await announceGraph(trx, app, { record: 'link', ids }, options);
}

async function announceGraph(
  trx: Tx,
  app: AppContext,
  change: Pick<GraphChange, 'record' | 'ids' | 'caseId'>,
  options: { deleted?: boolean },
): Promise<void> {
  await app.changes.announce(trx, { on: 'graph', ...change, ...(options.deleted && { deleted: true }) });
}

/**
 * Persons among `entities` appeared (created here, added to a case, or mirrored from a partner): told once,
 * whatever else changed. Other entity types are not persons and are left out.
 */
export async function announcePersonsAppeared(
  trx: Tx,
  app: AppContext,
  entities: readonly { id: string; type: string }[],
  where: PersonAppearance['where'],
  caseId?: string | null,
): Promise<void> {
  const entityIds = entities.filter((entity) => entity.type === 'person').map((entity) => entity.id);
  await app.changes.announce(trx, { on: 'person', where, entityIds, ...(caseId && { caseId }) });
}
