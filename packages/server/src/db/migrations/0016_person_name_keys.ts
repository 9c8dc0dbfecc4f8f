import { personBlockingKeys } from '@liaison/core/persons/index';
import { type Kysely, sql } from 'kysely';
import { runScript } from '../sql-script.ts';

// Person candidates are pooled by fuzzy name keys (core persons/blocking-keys.ts) instead of an exact spelling
// in the search text. The keys are written at the head of a person's search text as ⟦key key …⟧ (searchTextOf,
// the one function every write path uses), and name_keys is generated from there, GIN-indexed for `&&`.
// person_name_counts keeps, per counted key (n: full name, k: skeleton, s: surname) and '*' (all persons), how
// many live persons carry it, for the scorer's term frequencies; a row trigger keeps it current.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create function person_name_keys_of(search_text text) returns text[] language sql immutable as $$
      select coalesce(regexp_split_to_array(substring(search_text from '^⟦([^⟧]*)⟧'), ' '), '{}')
    $$;
    --;
    alter table entities add column name_keys text[] generated always as (person_name_keys_of(search_text)) stored;
    --;
    create index entities_person_name_keys_idx on entities using gin (name_keys)
      where type = 'person' and deleted_at is null;
    --;
    create table person_name_counts (key text primary key, persons integer not null);
    --;
    create function person_name_counts_track() returns trigger language plpgsql as $$
    declare
      was boolean := tg_op <> 'INSERT' and old.type = 'person' and old.deleted_at is null;
      is_now boolean := tg_op <> 'DELETE' and new.type = 'person' and new.deleted_at is null;
    begin
      if tg_op = 'UPDATE' and was = is_now and old.name_keys is not distinct from new.name_keys then
        return null;
      end if;
      if was then
        update person_name_counts set persons = persons - 1
        where key in (select k from unnest(old.name_keys) k where k ~ '^[nks]:' union select '*');
      end if;
      if is_now then
        insert into person_name_counts (key, persons)
        select k, 1 from (select k from unnest(new.name_keys) k where k ~ '^[nks]:' union select '*') keys
        order by k
        on conflict (key) do update set persons = person_name_counts.persons + 1;
      end if;
      return null;
    end $$;
    --;
    create trigger entities_person_name_counts after insert or update of search_text, type, deleted_at or delete
      on entities for each row execute function person_name_counts_track();
    `,
  );
  // Persons already stored get their keys (and so their counts) now.
  const persons = await sql<{ id: string; properties: { names?: { value: string }[]; birthDate?: string } }>`
    select id, properties from entities where type = 'person'`.execute(db);
  for (const person of persons.rows) {
    const names = (person.properties.names ?? []).map((name) => name.value);
    const keys = personBlockingKeys(names, person.properties.birthDate);
    await sql`update entities set search_text = ${`⟦${keys.join(' ')}⟧ | `} || search_text
      where id = ${person.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop trigger if exists entities_person_name_counts on entities;
    --;
    drop function if exists person_name_counts_track();
    --;
    drop table if exists person_name_counts;
    --;
    drop index if exists entities_person_name_keys_idx;
    --;
    alter table entities drop column if exists name_keys;
    --;
    drop function if exists person_name_keys_of(text);
    --;
    update entities set search_text = regexp_replace(search_text, '^⟦[^⟧]*⟧ \\| ', '') where search_text like '⟦%';
    `,
  );
}
