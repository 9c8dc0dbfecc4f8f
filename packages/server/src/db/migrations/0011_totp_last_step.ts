import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The last TOTP time step (Unix time / 30 s) a user's code was accepted for: a code of that step or an earlier
// one is refused, so a code seen over someone's shoulder or in a proxy log cannot be used again in its window.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'alter table users add column totp_last_step integer');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'alter table users drop column if exists totp_last_step');
}
