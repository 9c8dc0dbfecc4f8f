// The candidate pool of person matching: the persons worth scoring against one person, drawn by fuzzy name
// keys (core persons/blocking-keys.ts, stored in entities.name_keys by migration 0016) and shared identifiers,
// and the term frequencies the scorer weighs names by (person_name_counts).
import type { Actor } from '@liaison/core';
import {
  blockingKeysByKind,
  type NameFrequencies,
  nameFrequencyKeys,
  type PersonFacts,
  personBlockingKeys,
} from '@liaison/core/persons/index';
import { sql } from 'kysely';
import type { Db } from '../context.ts';
import { entityVisible } from '../graph/entities/visibility.ts';

export interface PoolTarget {
  id: string;
  names: readonly string[];
  birthDate?: string;
  /** [kind, value] of the identifiers that pool a person by themselves (a passport, a national id). */
  identifiers: readonly (readonly [string, string])[];
}

// Persons sharing a key are ranked by the key kinds they share; the given name alone (g) ranks below every other
// kind, and on a common given name it is shared by thousands, so it is looked up only when the other kinds
// leave the pool short. Visibility is a rule per row (case memberships, TLP): it is checked on the best-ranked
// rows first, and on all of them only when too few of those are visible.
const PREFETCH = 4;

/**
 * Up to `size` visible persons sharing a blocking key or an identifier with the target: those sharing an
 * identifier first, then by what they share — a full-name key or a birth date with a name part weighs more
 * than a consonant skeleton, a given name with part of the surname's key, or the given name alone.
 */
export async function personPool(db: Db, actor: Actor, target: PoolTarget, size: number): Promise<string[]> {
  const keys = blockingKeysByKind(personBlockingKeys(target.names, target.birthDate));
  const strong = [...keys.n, ...keys.k, ...keys.p, ...keys.q, ...keys.d];
  const kinds = target.identifiers.map(([kind]) => kind);
  const values = target.identifiers.map(([, value]) => value);
  const has = (list: readonly string[]) => sql`(e.name_keys && ${list}::text[])::int`;
  const ranked = (limit: number | null, visibleOnly: boolean) => sql<{ id: string }>`
    with matched as (
      select e.id, false as shared,
        ${has(keys.n)} * 8 + ${has(keys.d)} * 6 + ${has(keys.k)} * 4 + ${has([...keys.p, ...keys.q])} * 2
          + ${has(keys.g)} as rank
      from entities e
      where e.type = 'person' and e.deleted_at is null and e.name_keys && ${strong}::text[]
      union all
      select identifiers.entity_id, true, 0 from identifiers
      where (identifiers.kind, identifiers.value) in (select * from unnest(${kinds}::text[], ${values}::text[]))
    ),
    pool as (select id, bool_or(shared) as shared, max(rank) as rank from matched group by id)
    select entities.id from pool join entities on entities.id = pool.id
    where entities.type = 'person' and entities.id <> ${target.id}
      ${visibleOnly ? sql`and ${entityVisible(actor)}` : sql``}
    order by pool.shared desc, pool.rank desc, entities.id
    ${limit === null ? sql`` : sql`limit ${limit}`}
  `;
  const best = (await ranked(size * PREFETCH, false).execute(db)).rows.map((row) => row.id);
  const seen = await sql<{ id: string }>`
    select entities.id from entities where entities.id = any(${best}::uuid[]) and ${entityVisible(actor)}
  `.execute(db);
  const visible = new Set(seen.rows.map((row) => row.id));
  let ids = best.filter((id) => visible.has(id)).slice(0, size);
  if (ids.length < size && best.length === size * PREFETCH)
    ids = (await ranked(size, true).execute(db)).rows.map((row) => row.id);
  if (ids.length >= size || keys.g.length === 0) return ids;
  // The given name alone: persons sharing nothing else, after all the others, as the index yields them (ordering
  // thousands of namesakes of a common given name would read them all to keep a few).
  const rest = await sql<{ id: string }>`
    select entities.id from entities
    where entities.type = 'person' and entities.deleted_at is null and entities.name_keys && ${keys.g}::text[]
      and not (entities.name_keys && ${strong}::text[]) and entities.id <> ${target.id}
      and not (entities.id = any(${ids}::uuid[])) and ${entityVisible(actor)}
    limit ${size - ids.length}
  `.execute(db);
  return [...ids, ...rest.rows.map((row) => row.id)];
}

/** How common the names of these persons are among the node's live persons (person_name_counts). */
export async function nameFrequenciesFor(db: Db, persons: readonly PersonFacts[]): Promise<NameFrequencies> {
  const keys = [...new Set(persons.flatMap((person) => nameFrequencyKeys(person.names)))];
  const rows = await sql<{ key: string; persons: number }>`
    select key, persons from person_name_counts where key = any(${[...keys, '*']}::text[])`.execute(db);
  const counts = new Map(rows.rows.map((row) => [row.key, Number(row.persons)]));
  return { persons: counts.get('*') ?? 0, count: (key) => counts.get(key) ?? 0 };
}

/**
 * Counts every live person's keys afresh: after a bulk load that bypassed the row trigger (as the benches'
 * set-based loads do), or to repair drift.
 */
export async function recountPersonNames(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`delete from person_name_counts`.execute(trx);
    await sql`
      insert into person_name_counts (key, persons)
      select k, count(*) from entities, unnest(name_keys) k
      where type = 'person' and deleted_at is null and k ~ '^[nks]:' group by k
      union all
      select '*', count(*) from entities where type = 'person' and deleted_at is null`.execute(trx);
  });
}
