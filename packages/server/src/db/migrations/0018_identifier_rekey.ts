import { type Kysely, sql } from 'kysely';
import { rekeyStoredIdentifiers } from '../../correlation/rekey.ts';
import { runScript } from '../sql-script.ts';

// The identifier normalisers changed what they key (core/src/identifiers/README.md): a wallet written with its
// label is read; a number without a calling code is read in the recording agency's country; a number the phone
// library calls invalid keeps its digits as the key (flagged); more banks are known. Stored rows are read again
// so an identifier entered before correlates with one entered after. `details` keeps what the normaliser said
// besides the key (country assumed, unverified digits…), for the entity page. The rows as they were are kept in
// identifier_keys_0018 for `down`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table identifiers add column details jsonb;
    --;
    create table identifier_keys_0018 (
      id uuid primary key,
      value text not null,
      display text not null,
      valid boolean not null,
      problem text
    );
    `,
  );
  const before = await rekeyStoredIdentifiers(db);
  for (let at = 0; at < before.length; at += 1_000) {
    const page = before.slice(at, at + 1_000);
    await sql`
      insert into identifier_keys_0018 (id, value, display, valid, problem)
      select * from unnest(${page.map((k) => k.id)}::uuid[], ${page.map((k) => k.value)}::text[],
        ${page.map((k) => k.display)}::text[], ${page.map((k) => k.valid)}::boolean[],
        ${page.map((k) => k.problem)}::text[])
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    update identifiers set value = b.value, display = b.display, valid = b.valid, problem = b.problem
    from identifier_keys_0018 b where identifiers.id = b.id;
    --;
    drop table identifier_keys_0018;
    --;
    alter table identifiers drop column details;
    `,
  );
}
