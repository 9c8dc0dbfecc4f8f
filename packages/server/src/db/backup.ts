import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

// Plain SQL with INSERTs (not COPY) so the same file loads into PGlite or any PostgreSQL server.
const dumpArgs = ['--inserts', '--no-owner', '--no-privileges', '--quote-all-identifiers'];

/** A consistent dump (one snapshot) of the whole node database as a SQL file. */
export async function backupDatabase(
  handle: DatabaseHandle,
  databaseUrl: string | undefined,
  file: string,
): Promise<void> {
  if (handle.pglite) {
    const dump = await pgDump({ pg: handle.pglite, args: dumpArgs });
    await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return;
  }
  if (!databaseUrl) throw new Error('No DATABASE_URL to back up.');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pg_dump', [...dumpArgs, '--file', file, databaseUrl], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) =>
      reject(
        new Error(
          `Could not run pg_dump (${error.message}). Install the PostgreSQL client tools (Debian: postgresql-client).`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`pg_dump exited with code ${code}.`)),
    );
  });
}

/** Loads a dump into an EMPTY database; refuses to mix it into one that already holds a node. */
export async function restoreDatabase(handle: DatabaseHandle, file: string): Promise<void> {
  // pg_dump 17 (the WebAssembly build) sets transaction_timeout, which servers before 17 do not know;
  // it only disables a timeout, so dropping the line loses nothing.
  const dump = (await fs.readFile(file, 'utf8')).replace(/^SET transaction_timeout = [^;]*;$/gm, '');
  if (!/PostgreSQL database dump/.test(dump.slice(0, 2000)))
    throw new Error(`${file} is not a PostgreSQL dump made by "liaison backup".`);
  const existing = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(
    handle.db,
  );
  if ((existing.rows[0]?.n ?? 0) > 0) {
    throw new Error(
      'The target database is not empty. Restore into a new DATA_DIR or an empty PostgreSQL database.',
    );
  }
  if (handle.pglite) {
    await handle.pglite.exec(dump);
    // pg_dump empties search_path for the session; the node's own queries need it back.
    await handle.pglite.exec('reset search_path');
  } else if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await client.query(dump);
      await client.query('reset search_path');
    } finally {
      client.release();
    }
  }
}
