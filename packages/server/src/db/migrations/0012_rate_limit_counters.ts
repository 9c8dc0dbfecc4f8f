import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Rate-limit counters in the database (http/rate-limit-store.ts), so that processes sharing one PostgreSQL
// do not each grant the whole budget again and a restart (PGlite's too) does not reset it: one row per route
// and client address, its hits in the window that ends at expires_at.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table rate_limit_counters (
      key text primary key,
      hits integer not null,
      expires_at timestamptz not null
    );
    --;
    create index rate_limit_counters_expiry_idx on rate_limit_counters (expires_at);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table if exists rate_limit_counters');
}
