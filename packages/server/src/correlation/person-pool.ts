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

/**
 * Up to `size` visible persons sharing a blocking key or an identifier with the target: those sharing an
 * identifier first, then by what they share — a full-name key or a birth date with a name part weighs more
 * than a consonant skeleton, a given name with part of the surname's key, or the given name alone.
 */
export async function personPool(db: Db, actor: Actor, target: PoolTarget, size: number): Promise<string[]> {
  const keys = blockingKeysByKind(personBlockingKeys(target.names, target.birthDate));
  const blocking = [...keys.n, ...keys.k, ...keys.g, ...keys.p, ...keys.q, ...keys.d];
  const kinds = target.identifiers.map(([kind]) => kind);
  const values = target.identifiers.map(([, value]) => value);
  const has = (list: readonly string[]) => sql`(e.name_keys && ${list}::text[])::int`;
  const pool = await sql<{ id: string }>`
    with matched as (
      select e.id, false as shared,
        ${has(keys.n)} * 8 + ${has(keys.d)} * 6 + ${has(keys.k)} * 4 + ${has([...keys.p, ...keys.q])} * 2
          + ${has(keys.g)} as rank
      from entities e
      where e.type = 'person' and e.deleted_at is null and e.name_keys && ${blocking}::text[]
      union all
      select identifiers.entity_id, true, 0 from identifiers
      where (identifiers.kind, identifiers.value) in (select * from unnest(${kinds}::text[], ${values}::text[]))
    ),
    pool as (select id, bool_or(shared) as shared, max(rank) as rank from matched group by id)
    select entities.id from pool join entities on entities.id = pool.id
    where entities.type = 'person' and entities.id <> ${target.id} and ${entityVisible(actor)}
    order by pool.shared desc, pool.rank desc, entities.id
    limit ${size}
  `.execute(db);
  return pool.rows.map((row) => row.id);
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
