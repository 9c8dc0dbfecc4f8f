import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Two lookups of the graph that had no index: the newest hits first (the hit list without a case filter, the
// home page), and persons by birth date (a partner's hit/no-hit query on a name and birth date).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index hits_raised_at_idx on hits (raised_at desc);
    --;
    create index entities_person_birth_date_idx on entities ((properties->>'birthDate'))
      where type = 'person' and deleted_at is null;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop index if exists entities_person_birth_date_idx;
    --;
    drop index if exists hits_raised_at_idx;
    `,
  );
}
