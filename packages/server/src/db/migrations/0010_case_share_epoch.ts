import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Which sharing of a case a `case.sync` was made under (federation README, "Sharing again"): the originator's
// time of the share decision, set on the origin's share row at each (re)share after a retraction and copied to
// the mirror's row from `case.share`. An edit that crossed a retraction carries an older epoch and is dropped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'alter table case_shares add column epoch timestamptz');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'alter table case_shares drop column if exists epoch');
}
