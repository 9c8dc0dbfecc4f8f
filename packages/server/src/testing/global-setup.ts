import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrationsKey, templateEnv, testDatabaseKind } from './test-database.ts';

/**
 * The server project's global setup (vitest.config.ts): migrates ONE template database before any test file
 * runs, so that each test node starts from a copy of it (openMigratedTestDatabase) instead of running initdb and
 * every migration again — seconds per node, dozens of nodes. On PGlite the template is a dump of a migrated data
 * directory; on PostgreSQL a database that each test database is created from (`create database … template`).
 * The workers learn of it through environment variables, which the worker processes inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  process.env[templateEnv.key] = migrationsKey();
  if (testDatabaseKind() === 'postgres') return postgresTemplate();
  return pgliteTemplate();
}

async function pgliteTemplate(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-template-'));
  const handle = await openPglite(null);
  try {
    await migrateToLatest(handle.db);
    const dump = await handle.pglite!.dumpDataDir('none');
    const file = path.join(dir, 'migrated.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[templateEnv.pglite] = file;
  } finally {
    await handle.close();
  }
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function postgresTemplate(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('LIAISON_TEST_DB=postgres needs TEST_DATABASE_URL.');
  const name = `liaison_template_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Closed before any copy: PostgreSQL copies a template only while nobody is connected to it.
  const handle = await openPostgres(url.toString(), 1);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    await admin(`drop database if exists "${name}" with (force)`);
    throw error;
  }
  await handle.close();
  process.env[templateEnv.postgres] = name;
  return () => admin(`drop database if exists "${name}" with (force)`);
}
