import { randomUUID } from 'node:crypto';
import type { Actor } from '@liaison/core';
import { type EntityType, entityCaption } from '@liaison/core/graph/index';
import { type Selectable, sql } from 'kysely';
import type { Ctx, Tx } from '../../context.ts';
import { agencyCountry } from '../../correlation/agency-country.ts';
import { indexAndCorrelate, type NewIdentifier, type RaisedHit } from '../../correlation/correlate.ts';
import { unindexEntities, unindexIdentifiers } from '../../correlation/unindex.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { type IndexedIdentifier, indexIdentifiers, searchTextOf } from '../entities/entity-index.ts';
import type { EntityTables } from '../entities/tables.ts';
import { announceEntities } from './announce.ts';

/*
 * The graph intake for entities: the one place that inserts them, derives what is read off their properties
 * (caption, search text, the identifier index and the hits it raises), tombstones them and, with `purge.ts`,
 * removes them. Every path into the graph comes here: the entity service (one or many pasted), a rescue
 * report's identifiers, a peer's mirrored entities, the demo (through the service). The callers check who may
 * do what and write the audit trail; the intake only keeps the graph's rows consistent with each other.
 */

export type EntityTableRow = Selectable<EntityTables['entities']>;

export interface EntityDraft {
  /** Kept when given (a peer's record keeps its origin id); made here otherwise. */
  id?: string;
  type: EntityType;
  properties: Record<string, unknown>;
  ownerAgencyId: string;
  tlp: string;
  handlingCode: string;
  markings: Record<string, unknown> | null;
  createdBy: string;
  /** When it was made here (default: the database's clock); a peer's record takes the node's clock. */
  createdAt?: Date;
  /** Its identifiers as `indexIdentifiers` read them: they are part of its search text. */
  identifiers: readonly IndexedIdentifier[];
}

/** The text fields derived from an entity's properties. */
function derived(type: EntityType, properties: object, identifiers: readonly IndexedIdentifier[]) {
  const caption = entityCaption(type, properties);
  return { caption, search_text: searchTextOf(type, properties, caption, identifiers) };
}

/**
 * Inserts entities, in one statement whatever their number, with caption and search text; returns the rows
 * in the order of `drafts`. Their identifiers are indexed by `indexEntities` once the caller has placed and
 * audited them.
 */
export async function insertEntities(trx: Tx, drafts: readonly EntityDraft[]): Promise<EntityTableRow[]> {
  if (drafts.length === 0) return [];
  const ids = drafts.map((draft) => draft.id ?? randomUUID());
  const rows = await trx
    .insertInto('entities')
    .values(
      drafts.map((draft, i) => ({
        id: ids[i]!,
        type: draft.type,
        properties: JSON.stringify(draft.properties),
        ...derived(draft.type, draft.properties, draft.identifiers),
        owner_agency_id: draft.ownerAgencyId,
        tlp: draft.tlp,
        handling_code: draft.handlingCode,
        markings: draft.markings ? JSON.stringify(draft.markings) : null,
        created_by: draft.createdBy,
        ...(draft.createdAt && { created_at: draft.createdAt, updated_at: draft.createdAt }),
      })),
    )
    .returningAll()
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Indexes new identifiers of entities and raises the hits they make (correlation), then tells the change feed
 * that `announce` changed (the entities the identifiers belong to, unless the caller says otherwise).
 * Returns the hits and the live events to publish once the transaction commits.
 */
export async function indexEntities(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  identifiers: readonly NewIdentifier[],
  announce: readonly string[] | false,
): Promise<{ hits: RaisedHit[]; events: LiveEvent[] }> {
  const correlated = await indexAndCorrelate(ctx, trx, actor, identifiers);
  if (announce) await announceEntities(trx, ctx.app, announce);
  return correlated;
}

/**
 * Replaces an entity's properties (and markings, when given) with caption and search text to match, a new
 * version; returns the row. The identifier index follows with `reindexIdentifiers`.
 */
export async function rewriteEntity(
  ctx: Ctx,
  trx: Tx,
  entityId: string,
  entity: {
    type: EntityType;
    properties: Record<string, unknown>;
    markings?: { tlp: string; handlingCode: string } | undefined;
    identifiers: readonly IndexedIdentifier[];
  },
): Promise<EntityTableRow> {
  return trx
    .updateTable('entities')
    .set({
      properties: JSON.stringify(entity.properties),
      ...derived(entity.type, entity.properties, entity.identifiers),
      ...(entity.markings && {
        tlp: entity.markings.tlp,
        handling_code: entity.markings.handlingCode,
        markings: JSON.stringify(entity.markings),
      }),
      updated_at: ctx.app.now(),
      version: sql`version + 1`,
    })
    .where('id', '=', entityId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function firstCaseOf(trx: Tx, entityId: string): Promise<string | null> {
  const first = await trx
    .selectFrom('case_entities')
    .select('case_id')
    .where('entity_id', '=', entityId)
    .orderBy('added_at')
    .executeTakeFirst();
  return first?.case_id ?? null;
}

const identifierKey = (i: { kind: string; value: string; property: string }) =>
  `${i.kind}\u0000${i.value}\u0000${i.property}`;

/**
 * The identifier index follows an entity's properties: what it no longer carries leaves the index now; what is
 * new is returned, to be indexed and correlated by `indexEntities`. New identifiers are indexed in `caseId`
 * when given; otherwise in the case the entity's identifiers were indexed in, or its first case, or none.
 */
export async function reindexIdentifiers(
  trx: Tx,
  entityId: string,
  identifiers: readonly IndexedIdentifier[],
  caseId?: string | null,
): Promise<{ fresh: NewIdentifier[]; removed: number }> {
  const indexed = await trx
    .selectFrom('identifiers')
    .select(['id', 'kind', 'value', 'property', 'case_id'])
    .where('entity_id', '=', entityId)
    .execute();
  const wanted = new Set(identifiers.map(identifierKey));
  const kept = new Set(indexed.map(identifierKey));
  const removed = indexed.filter((i) => !wanted.has(identifierKey(i)));
  await unindexIdentifiers(
    trx,
    removed.map((i) => i.id),
  );
  const inCase =
    caseId !== undefined
      ? caseId
      : (indexed.find((i) => i.case_id)?.case_id ?? (await firstCaseOf(trx, entityId)));
  const fresh = identifiers
    .filter((i) => !kept.has(identifierKey(i)))
    .map((i) => ({ ...i, entityId, caseId: inCase }));
  return { fresh, removed: removed.length };
}

/**
 * Re-derives what is read off an entity whose row was written elsewhere (a peer's mirrored entity): caption and
 * search text, the identifier index (numbers read in the owner agency's country) and its hits. Not announced:
 * the change came from the peer. Returns the live events to publish once the transaction commits.
 */
export async function reindexEntity(
  ctx: Ctx,
  trx: Tx,
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
  const type = entity.type as EntityType;
  // Read as the owner's officers wrote it: a number without a calling code is in the owner's country.
  const defaultCountry = await agencyCountry(trx, entity.owner_agency_id);
  let found: IndexedIdentifier[] = [];
  try {
    found = indexIdentifiers({ type, properties: entity.properties as never }, '', { defaultCountry });
  } catch {
    found = []; // an unreadable wallet refused by the graph's rule: the entity is kept, not indexed
  }
  await trx
    .updateTable('entities')
    .set(derived(type, entity.properties, found))
    .where('id', '=', entityId)
    .execute();
  const { fresh } = await reindexIdentifiers(trx, entityId, found, caseId);
  const { events } = await indexEntities(ctx, trx, actor, fresh, false);
  return events;
}

/**
 * Writes a peer's winning fields (as columns) onto its mirrored entity, a new version; `reindexEntity` then
 * re-derives what is read off the properties.
 */
export async function writePeerEntity(
  ctx: Ctx,
  trx: Tx,
  entityId: string,
  columns: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable('entities')
    .set({ ...columns, updated_at: ctx.app.now(), version: sql`version + 1` } as never)
    .where('id', '=', entityId)
    .execute();
}

/**
 * Tombstones an entity (`deleted_at`, `deleted_by`, a new version): the row stays for what points at it, its
 * identifiers leave the index (it correlates no more). The caller audits, then announces it
 * (`announceEntities(..., { deleted: true })`). Returns how many identifiers left the index.
 */
export async function tombstoneEntity(
  ctx: Ctx,
  trx: Tx,
  entityId: string,
  deletedBy: string,
): Promise<{ identifiersRemoved: number }> {
  const now = ctx.app.now();
  await trx
    .updateTable('entities')
    .set({ deleted_at: now, deleted_by: deletedBy, updated_at: now, version: sql`version + 1` })
    .where('id', '=', entityId)
    .execute();
  return { identifiersRemoved: await unindexEntities(trx, [entityId]) };
}
