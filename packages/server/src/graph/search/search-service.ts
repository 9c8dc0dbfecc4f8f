import { type Actor, authorize } from '@liaison/core';
import { identifierKinds, normaliseIdentifier } from '@liaison/core/identifiers/index';
import { nameKeys } from '@liaison/core/persons/index';
import type { SearchResults } from '@liaison/core/search/search-results';
import { sql } from 'kysely';
import type { Ctx } from '../../context.ts';
import { agencyCountry } from '../../correlation/agency-country.ts';
import { contextOf } from '../entities/entity-index.ts';
import { casesInScopeVisible, entityVisible } from '../entities/visibility.ts';

export interface SearchQuery {
  q: string;
  type?: string | undefined;
  agency?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every (kind, value) the text could be: "012 345 678" read as a phone (in the searcher's agency's country), a
 * bank account, a passport…; a phone the library cannot verify by its digits key.
 */
function identifierReadings(
  q: string,
  defaultCountry: string | undefined,
): { kind: string; value: string }[] {
  const readings = new Map<string, { kind: string; value: string }>();
  for (const kind of identifierKinds) {
    const identifier = normaliseIdentifier(kind, q, contextOf(kind, undefined, { defaultCountry }));
    if (identifier.valid || identifier.details?.key === 'digits')
      readings.set(`${kind}\u0000${identifier.value}`, { kind, value: identifier.value });
  }
  return [...readings.values()];
}

/**
 * One search box: exact identifiers in any format, names in any script (with their romanised keys) and case
 * titles and numbers. Only what the actor may see comes back.
 */
export async function search(ctx: Ctx, actor: Actor, query: SearchQuery): Promise<SearchResults> {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  const q = query.q.trim();
  const readings = identifierReadings(q, await agencyCountry(db, actor.agencyId));
  const keys = [...new Set([q, ...[...nameKeys(q)].filter((key) => !key.startsWith('~'))])].slice(0, 20);

  let entities = db
    .selectFrom('entities')
    .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
    .select([
      'entities.id',
      'entities.type',
      'entities.caption',
      'agencies.code as ownerAgency',
      'entities.created_at',
      sql<number>`word_similarity(${q}, entities.search_text)`.as('similarity'),
    ])
    .where(entityVisible(actor));
  if (query.type) entities = entities.where('entities.type', '=', query.type);
  if (query.agency) entities = entities.where('agencies.code', '=', query.agency);
  if (query.from) entities = entities.where('entities.created_at', '>=', new Date(query.from));
  if (query.to) entities = entities.where('entities.created_at', '<=', new Date(query.to));

  const byIdentifier = readings.length
    ? await entities
        .innerJoin('identifiers', 'identifiers.entity_id', 'entities.id')
        .select(['identifiers.kind as matchedKind', 'identifiers.display as matchedDisplay'])
        .where((eb) =>
          eb.or(
            readings.map((r) =>
              eb.and([eb('identifiers.kind', '=', r.kind), eb('identifiers.value', '=', r.value)]),
            ),
          ),
        )
        .limit(query.limit)
        .execute()
    : [];
  const byName = await entities
    .where((eb) =>
      eb.or([
        ...keys.map((key) => eb('entities.search_text', 'ilike', likePattern(key))),
        sql<boolean>`${q} <% entities.search_text`,
      ]),
    )
    .orderBy('similarity', 'desc')
    .limit(query.limit)
    .execute();

  let cases = db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
    .select([
      'cases.id',
      'cases.number',
      'cases.title',
      'cases.status',
      'agencies.code as ownerAgency',
      'cases.created_at',
    ])
    .where(casesInScopeVisible(actor))
    .where((eb) =>
      eb.or([eb('cases.title', 'ilike', likePattern(q)), eb('cases.number', 'ilike', likePattern(q))]),
    );
  if (query.agency) cases = cases.where('agencies.code', '=', query.agency);
  if (query.from) cases = cases.where('cases.created_at', '>=', new Date(query.from));
  if (query.to) cases = cases.where('cases.created_at', '<=', new Date(query.to));
  const caseRows = query.type
    ? []
    : await cases.orderBy('cases.created_at', 'desc').limit(query.limit).execute();

  const seen = new Set<string>();
  const results = [
    ...byIdentifier.map((r) => ({
      id: r.id,
      type: r.type,
      caption: r.caption,
      ownerAgency: r.ownerAgency,
      createdAt: r.created_at.toISOString(),
      match: { kind: 'identifier' as const, detail: `${r.matchedKind}: ${r.matchedDisplay}` },
    })),
    ...byName.map((r) => ({
      id: r.id,
      type: r.type,
      caption: r.caption,
      ownerAgency: r.ownerAgency,
      createdAt: r.created_at.toISOString(),
      match: { kind: 'name' as const, detail: `${Math.round(Number(r.similarity) * 100)}%` },
    })),
  ].filter((r) => !seen.has(r.id) && seen.add(r.id));
  return {
    query: q,
    identifierReadings: readings.map((r) => r.kind),
    entities: results.slice(0, query.limit),
    cases: caseRows.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      ownerAgency: c.ownerAgency,
      createdAt: c.created_at.toISOString(),
    })),
  };
}
