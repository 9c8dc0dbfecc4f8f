import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Deleted entities are tombstoned, not removed: hits, access requests, person-match decisions and the audit
// trail keep pointing at a real row. A tombstoned entity is hidden everywhere the graph is read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table entities add column deleted_at timestamptz;
    --;
    alter table entities add column deleted_by uuid references users(id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table entities drop column if exists deleted_by;
    --;
    alter table entities drop column if exists deleted_at;
  `,
  );
}
