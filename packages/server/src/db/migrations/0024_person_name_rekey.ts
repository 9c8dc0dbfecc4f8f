import { personBlockingKeys } from '@liaison/core/persons/index';
import { type Kysely, sql } from 'kysely';

// The person blocking keys changed (core persons/blocking-keys.ts): Thai names are read as spoken, Hangul also
// the McCune–Reischauer way (정 JONG), CK is one K in consonant skeletons, and a key of both name parts' first
// consonants + the birth date (day and month in either order) is added. Stored persons get their keys again, so that a person entered before pools with one
// entered after; entities.name_keys is generated from the search text's head, and the count trigger follows.
// The head is written as entity-index.ts writes it (at most 2,000 characters of keys).
const MAX_KEY_TEXT = 2_000;
const PAGE = 1_000;

function keyText(names: string[], birthDate: string | undefined): string {
  let text = '';
  for (const key of personBlockingKeys(names, birthDate)) {
    if (text.length + key.length + 1 > MAX_KEY_TEXT) break;
    text += text === '' ? key : ` ${key}`;
  }
  return `⟦${text}⟧`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // The pool looks up persons by key on every candidate call; with GIN's pending list (fastupdate) new keys sit in
  // an unindexed list that every lookup reads through until a vacuum merges it — and PGlite has no autovacuum: a
  // lookup of 40 keys read 18,000 pages, 120 ms, against 65 pages, 0.15 ms once merged (20k persons, PostgreSQL).
  await sql`alter index entities_person_name_keys_idx set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('entities_person_name_keys_idx')`.execute(db);
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const page = await sql<{
      id: string;
      properties: { names?: { value: string }[]; birthDate?: string };
      search_text: string;
    }>`select id, properties, search_text from entities where type = 'person' and id > ${after}::uuid
        order by id limit ${PAGE}`.execute(db);
    if (page.rows.length === 0) break;
    for (const person of page.rows) {
      const names = (person.properties.names ?? []).map((name) => name.value);
      const head = keyText(names, person.properties.birthDate);
      const rest = person.search_text.startsWith('⟦')
        ? person.search_text.replace(/^⟦[^⟧]*⟧/, '')
        : ` | ${person.search_text}`;
      const searchText = head + rest;
      if (searchText !== person.search_text)
        await sql`update entities set search_text = ${searchText} where id = ${person.id}`.execute(db);
    }
    after = page.rows[page.rows.length - 1]!.id;
  }
}

// The keys written stay: the older code reads them as any other keys, and writes its own on the next save of each
// person.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter index entities_person_name_keys_idx set (fastupdate = on)`.execute(db);
}
