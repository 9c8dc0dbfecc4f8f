import type { Actor } from '@liaison/core';
import { entityCaption } from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { type AppContext, systemCtx, type Tx } from '../context.ts';
import { agencyCountry } from '../correlation/agency-country.ts';
import { indexAndCorrelate, type NewIdentifier } from '../correlation/correlate.ts';
import { type IndexedIdentifier, indexIdentifiers, searchTextOf } from '../entities/entity-index.ts';
import type { LiveEvent } from '../events/event-bus.ts';

/**
 * Indexes an entity that arrived from a peer (or changed there) for correlation here, like any other: caption
 * and search text recomputed, identifiers no longer carried dropped, new ones indexed and matched (hits raised
 * by the graph's own `indexAndCorrelate`). Returns the live events to publish once the transaction commits.
 */
export async function indexPeerEntity(
  trx: Tx,
  app: AppContext,
  actor: Actor,
  entityId: string,
  caseId: string | null,
): Promise<LiveEvent[]> {
  const entity = await trx
    .selectFrom('entities')
    .select(['type', 'properties', 'owner_agency_id'])
    .where('id', '=', entityId)
    .executeTakeFirst();
  if (!entity) return [];
  const type = entity.type as Parameters<typeof entityCaption>[0];
  // Read as the peer's officers wrote it: a number without a calling code is in the peer's country.
  const defaultCountry = await agencyCountry(trx, entity.owner_agency_id);
  let found: IndexedIdentifier[] = [];
  try {
    found = indexIdentifiers({ type, properties: entity.properties as never }, '', { defaultCountry });
  } catch {
    found = []; // an unreadable wallet refused by the graph's rule: the entity is kept, not indexed
  }
  const caption = entityCaption(type, entity.properties);
  await trx
    .updateTable('entities')
    .set({ caption, search_text: searchTextOf(type, entity.properties, caption, found) })
    .where('id', '=', entityId)
    .execute();
  const key = (i: { kind: string; value: string; property: string }) =>
    `${i.kind}\u0000${i.value}\u0000${i.property}`;
  const existing = await trx
    .selectFrom('identifiers')
    .select(['id', 'kind', 'value', 'property'])
    .where('entity_id', '=', entityId)
    .execute();
  const wanted = new Set(found.map(key));
  const gone = existing.filter((i) => !wanted.has(key(i))).map((i) => i.id);
  if (gone.length > 0) await trx.deleteFrom('identifiers').where('id', 'in', gone).execute();
  const had = new Set(existing.map(key));
  const fresh: NewIdentifier[] = found
    .filter((i) => !had.has(key(i)))
    .map((i) => ({ ...i, entityId, caseId }));
  const { events } = await indexAndCorrelate(systemCtx(app), trx, actor, fresh);
  return events;
}

/** Removes entities and everything that points at them (identifiers, hits, memberships, links, decisions). */
export async function dropEntities(trx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = sql`${sql.join(ids.map((id) => sql`${id}::uuid`))}`;
  await sql`delete from access_requests where hit_id in (select id from hits where entity_id in (${list}) or matched_entity_id in (${list}))`.execute(
    trx,
  );
  await sql`delete from hits where entity_id in (${list}) or matched_entity_id in (${list})`.execute(trx);
  await sql`delete from identifiers where entity_id in (${list})`.execute(trx);
  await sql`delete from case_entities where entity_id in (${list})`.execute(trx);
  await sql`delete from person_match_decisions where entity_a_id in (${list}) or entity_b_id in (${list}) or link_id in (select id from links where source_id in (${list}) or target_id in (${list}))`.execute(
    trx,
  );
  await sql`delete from links where source_id in (${list}) or target_id in (${list})`.execute(trx);
  await sql`delete from rescue_entities where entity_id in (${list})`.execute(trx);
  await sql`delete from entities where id in (${list})`.execute(trx);
}

/** Removes links (and match decisions that cite them). */
export async function dropLinks(trx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = sql`${sql.join(ids.map((id) => sql`${id}::uuid`))}`;
  await sql`update person_match_decisions set link_id = null where link_id in (${list})`.execute(trx);
  await sql`delete from links where id in (${list})`.execute(trx);
}
