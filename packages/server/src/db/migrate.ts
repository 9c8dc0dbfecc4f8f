import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { migrations } from './migrations/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
type UntypedDb = Kysely<any>;

function migrator(db: UntypedDb): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`);
  }
}

export async function migrateToLatest(db: UntypedDb): Promise<void> {
  check(await migrator(db).migrateToLatest());
}

/** Runs every migration's `down` in reverse order (tested, so no `down` is a no-op). */
export async function migrateDownAll(db: UntypedDb): Promise<void> {
  check(await migrator(db).migrateTo(NO_MIGRATIONS));
}
