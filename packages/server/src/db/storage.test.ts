import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-repository.ts';
import { systemCtx } from '../context.ts';
import { seedDemoAccounts } from '../demo/demo-accounts.ts';
import { createNode } from '../node.ts';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database.ts';
import { testConfig } from '../testing/test-node.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { lockDataDirectory } from './data-dir-lock.ts';
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

  it('starts at once after the process that held it was killed', async () => {
    const dir = path.join(tmp, 'crashed');
    const holder = await holdLockInChild(dir);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(fs.existsSync(path.join(dir, '.liaison.lock'))).toBe(true);
    // The lock is taken at once (it was refused for 15 s); opening PGlite itself takes seconds on a busy machine.
    const started = Date.now();
    const unlock = await lockDataDirectory(dir);
    expect(Date.now() - started).toBeLessThan(1_000);
    await unlock();
    const handle = await openPglite(dir);
    await handle.close();
  });

  it('refuses while another live process holds it, however long since it was refreshed', async () => {
    const dir = path.join(tmp, 'held');
    const holder = await holdLockInChild(dir);
    try {
      await expect(openPglite(dir)).rejects.toThrow(
        new RegExp(`Another Liaison process is using the data directory .*pid ${holder.pid} on `),
      );
      const longAgo = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(dir, '.liaison.lock'), longAgo, longAgo);
      await expect(openPglite(dir)).rejects.toThrow(/Another Liaison process is using the data directory/);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it("keeps another host's lock until it is stale", async () => {
    const dir = path.join(tmp, 'other-host');
    fs.mkdirSync(dir, { recursive: true });
    const lockFile = path.join(dir, '.liaison.lock');
    const owner = {
      pid: 1,
      hostname: `not-${os.hostname()}`,
      startedAt: new Date().toISOString(),
      startTicks: null,
      token: 'x',
    };
    fs.writeFileSync(lockFile, JSON.stringify(owner));
    await expect(openPglite(dir)).rejects.toThrow(/Another Liaison process is using the data directory/);
    const staleSince = new Date(Date.now() - 20_000);
    fs.utimesSync(lockFile, staleSince, staleSince);
    const handle = await openPglite(dir);
    await handle.close();
  });
});

/** A separate process that takes the lock on `dir` and then idles until killed. */
async function holdLockInChild(dir: string): Promise<ChildProcess> {
  const lockModule = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
  const script = `const { lockDataDirectory } = await import(${JSON.stringify(lockModule)});
await lockDataDirectory(${JSON.stringify(dir)});
console.log('locked');
setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.dirname(lockModule),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
  return child;
}

// Two on-disk databases migrated from scratch (every migration, by design: no template) and a dump between them.
describe('backup and restore', { timeout: 180_000 }, () => {
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
