import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database.ts';

/**
 * A fresh, empty database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server at TEST_DATABASE_URL when LIAISON_TEST_DB=postgres (dropped again on close).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.LIAISON_TEST_DB !== 'postgres') return openPglite(null);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('LIAISON_TEST_DB=postgres needs TEST_DATABASE_URL.');
  return openScratchPostgres(adminUrl);
}

/** A new, empty database on the server at `adminUrl` (tests and benchmarks), dropped again on close. */
export async function openScratchPostgres(adminUrl: string, poolSize = 5): Promise<DatabaseHandle> {
  const name = `liaison_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), poolSize);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.LIAISON_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}
