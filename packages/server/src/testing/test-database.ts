import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';

/**
 * A fresh, empty database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server at TEST_DATABASE_URL when LIAISON_TEST_DB=postgres (dropped again on close).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.LIAISON_TEST_DB !== 'postgres') return openPglite(null);
  return openScratchPostgres(testAdminUrl());
}

/**
 * A fresh database already migrated to the latest schema, for a test node: a copy of the template the server
 * project's global setup migrated once (testing/global-setup.ts), or an empty one when there is no template
 * for these migrations (a script, a benchmark, migrations changed since) — the node migrates that itself.
 * Either way the node's own migrateToLatest runs and finds what it expects; nothing else is in the copy.
 */
export async function openMigratedTestDatabase(): Promise<DatabaseHandle> {
  const template = process.env[templateEnv.key] === migrationsKey() ? process.env : {};
  if (process.env.LIAISON_TEST_DB !== 'postgres') {
    const file = template[templateEnv.pglite];
    if (!file) return openPglite(null);
    pgliteTemplate ??= { file, dump: new Blob([fs.readFileSync(file)]) };
    return openPglite(null, { loadDataDir: pgliteTemplate.dump });
  }
  const name = template[templateEnv.postgres];
  return openScratchPostgres(testAdminUrl(), 5, name);
}

// Read once per worker: a Blob is immutable, so every node of the worker starts from the same one.
let pgliteTemplate: { file: string; dump: Blob } | undefined;

/** Where the global setup tells the test workers about its templates (environment variables, inherited). */
export const templateEnv = {
  key: 'LIAISON_TEST_TEMPLATE_MIGRATIONS',
  pglite: 'LIAISON_TEST_TEMPLATE_PGLITE',
  postgres: 'LIAISON_TEST_TEMPLATE_POSTGRES',
} as const;

/** Names the migrations a template holds: a worker whose migrations differ does not use it. */
export function migrationsKey(): string {
  return createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex').slice(0, 16);
}

function testAdminUrl(): string {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('LIAISON_TEST_DB=postgres needs TEST_DATABASE_URL.');
  return adminUrl;
}

/**
 * A new database on the server at `adminUrl` (tests and benchmarks), dropped again on close: empty, or a copy
 * of the database `template` (which must have no open connection while it is copied).
 */
export async function openScratchPostgres(
  adminUrl: string,
  poolSize = 5,
  template?: string,
): Promise<DatabaseHandle> {
  const name = `liaison_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
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
