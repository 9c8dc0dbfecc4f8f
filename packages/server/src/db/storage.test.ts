import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-repository.ts';
import { systemCtx } from '../context.ts';
import { seedDemoAccounts } from '../demo/demo-accounts.ts';
import { createNode } from '../node.ts';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database.ts';
import { testConfig } from '../testing/test-node.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { openPglite } from './database.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-storage-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function tableCount(db: Parameters<typeof migrateToLatest>[0]) {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name not like 'kysely%'`.execute(
    db,
  );
  return result.rows[0]!.n;
}

describe('migrations', () => {
  it('migrate up, all the way down, and up again', async () => {
    const handle = await openTestDatabase();
    try {
      await migrateToLatest(handle.db);
      expect(await tableCount(handle.db)).toBeGreaterThan(5);
      await migrateDownAll(handle.db);
      expect(await tableCount(handle.db)).toBe(0);
      await migrateToLatest(handle.db);
      expect(await tableCount(handle.db)).toBeGreaterThan(5);
    } finally {
      await handle.close();
    }
  });
});

describe('the embedded data directory', () => {
  it('refuses a second process (or opener) with a clear message', async () => {
    const dir = path.join(tmp, 'locked');
    const first = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toThrow(/Another Liaison process is using the data directory/);
    } finally {
      await first.close();
    }
    const again = await openPglite(dir);
    await again.close();
  });
});

describe('backup and restore', () => {
  it('dumps the node and restores it into an empty database with the audit chain intact', async () => {
    const source = await openPglite(path.join(tmp, 'source'));
    const node = await createNode(testConfig(), { database: source, logger: false });
    await seedDemoAccounts(systemCtx(node.app));
    const file = path.join(tmp, 'backup.sql');
    await backupDatabase(source, undefined, file);
    const users = await node.app.db.selectFrom('users').select('email').orderBy('email').execute();
    await node.close();

    const target =
      testDatabaseKind() === 'postgres'
        ? await openTestDatabase()
        : await openPglite(path.join(tmp, 'target'));
    try {
      await restoreDatabase(target, file);
      expect(await target.db.selectFrom('users').select('email').orderBy('email').execute()).toEqual(users);
      expect((await verifyAuditChain(target.db)).break).toBeNull();
      await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
    } finally {
      await target.close();
    }
  });
});
