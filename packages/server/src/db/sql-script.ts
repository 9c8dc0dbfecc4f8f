import { type Kysely, sql } from 'kysely';

/**
 * Runs DDL statements one at a time: PostgreSQL's extended protocol (used by both drivers) refuses several
 * commands in one call. Statements are separated by a line holding only `--;` so function bodies may contain `;`.
 */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script.split(/^\s*--;\s*$/m)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
