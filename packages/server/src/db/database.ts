import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDirectory } from './data-dir-lock.ts';
import type { Database } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** For LISTEN/NOTIFY and other driver-level needs. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

// Bigints (counts, sequences) come back as strings; dates as ISO strings in our presenters.
pg.types.setTypeParser(20, (v) => v);

export async function openPostgres(
  connectionString: string,
  max = 10,
  onIdleError: (error: Error) => void = () => {},
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle pooled connection the server ends (a restart, pg_terminate_backend, a database dropped with force)
  // is reported on the pool, which discards it; the next query opens a new one. With no listener, Node would
  // treat it as an unhandled 'error' event and end the process.
  pool.on('error', (error) => onIdleError(error));
  // pool.end() resolves once it has asked every client to end, not once they have: wait for each, so that a
  // caller closing the handle (then, say, dropping the database) finds no connection of ours still open.
  const open = new Set<pg.Client>();
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    pool,
    close: async () => {
      const ending = [...open].map((client) => new Promise((resolve) => client.once('end', resolve)));
      await db.destroy();
      await Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}

/**
 * The embedded database: PGlite in `<dataDir>/pg`, or in memory when dataDir is null (tests). `loadDataDir`
 * starts it from a dump of another one's data directory instead of an empty cluster (tests copy a migrated
 * template that way: initdb and the migrations run once, not once per test database).
 */
export async function openPglite(
  dataDir: string | null,
  options: { loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  const unlock = dataDir ? await lockDataDirectory(dataDir) : async () => {};
  try {
    const pglite = await PGlite.create(dataDir ? path.join(dataDir, 'pg') : undefined, {
      extensions: { pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

export function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
