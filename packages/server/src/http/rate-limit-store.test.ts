import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../db/database.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { openTestDatabase, testDatabaseKind } from '../testing/test-database.ts';
import { testConfig } from '../testing/test-node.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

const budget = 3;
const config = () => testConfig({ loginRateLimitPerMinute: budget });

function failedLogin(node: LiaisonNode, remoteAddress = '192.0.2.10') {
  return node.http
    .inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email: 'nobody@knpa.demo', password: 'not the password' },
    })
    .then((response) => response.statusCode);
}

/**
 * The node's database, and a way to reach it again as another process would: PostgreSQL through a new pool;
 * PGlite (one process) as the same database handle, and a restart as the data directory opened again.
 */
interface Deployment {
  first: LiaisonNode;
  another(): Promise<LiaisonNode>;
  restartFirst(): Promise<LiaisonNode>;
  close(): Promise<void>;
}

async function postgresDeployment(): Promise<Deployment> {
  // The scratch database (dropped when its handle closes); each node is a process with a pool of its own.
  const owner = await openTestDatabase();
  const url = (owner.pool as pg.Pool & { options: { connectionString: string } }).options.connectionString;
  const start = async () => createNode(config(), { database: await openPostgres(url, 3), logger: false });
  let first = await start();
  const others: LiaisonNode[] = [];
  return {
    get first() {
      return first;
    },
    async another() {
      const node = await start();
      others.push(node);
      return node;
    },
    async restartFirst() {
      await first.close();
      first = await start();
      return first;
    },
    async close() {
      for (const node of others) await node.close();
      await first.close();
      await owner.close();
    },
  };
}

async function pgliteDeployment(): Promise<Deployment> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-rate-'));
  let database = await openPglite(dir);
  let first = await createNode(config(), { database, logger: false });
  const others: LiaisonNode[] = [];
  return {
    get first() {
      return first;
    },
    async another() {
      // A second app on the same database; closing it leaves the database to the first.
      const node = await createNode(config(), {
        database: { ...database, close: async () => {} },
        logger: false,
      });
      others.push(node);
      return node;
    },
    async restartFirst() {
      for (const node of others.splice(0)) await node.close();
      await first.close();
      database = await openPglite(dir);
      first = await createNode(config(), { database, logger: false });
      return first;
    },
    async close() {
      for (const node of others) await node.close();
      await first.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

describe(`rate-limit counters in the database (${testDatabaseKind()})`, () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = testDatabaseKind() === 'postgres' ? await postgresDeployment() : await pgliteDeployment();
  });
  afterAll(() => deployment?.close());

  it('two app instances on one database share one sign-in budget per address', async () => {
    const a = deployment.first;
    const b = await deployment.another();
    expect(await failedLogin(a)).toBe(401);
    expect(await failedLogin(b)).toBe(401);
    expect(await failedLogin(a)).toBe(401);
    expect(await failedLogin(b)).toBe(429);
    expect(await failedLogin(a)).toBe(429);
    // Another address has its own budget.
    expect(await failedLogin(b, '192.0.2.11')).toBe(401);
  });

  it('a restart keeps a spent budget, and refused requests write nothing', async () => {
    for (let i = 0; i < budget; i++) expect(await failedLogin(deployment.first, '192.0.2.30')).toBe(401);
    expect(await failedLogin(deployment.first, '192.0.2.30')).toBe(429);
    for (let i = 0; i < 5; i++) expect(await failedLogin(deployment.first, '192.0.2.30')).toBe(429);
    const hits = async (node: LiaisonNode) =>
      (
        await sql<{
          hits: number;
        }>`select hits from rate_limit_counters where key like '% 192.0.2.30'`.execute(node.app.db)
      ).rows.map((row) => row.hits);
    // The first refusal was counted; the process answered the others from memory.
    expect(await hits(deployment.first)).toEqual([budget + 1]);

    const restarted = await deployment.restartFirst();
    expect(await failedLogin(restarted, '192.0.2.30')).toBe(429);
    expect(await failedLogin(restarted, '192.0.2.31')).toBe(401);
  });

  it('keeps the budgets of different routes apart', async () => {
    const b = await deployment.another();
    for (let i = 0; i < budget; i++) expect(await failedLogin(b, '192.0.2.20')).toBe(401);
    expect(await failedLogin(deployment.first, '192.0.2.20')).toBe(429);
    const report = await deployment.first.http.inject({
      method: 'GET',
      url: '/api/v1/public/reports/LR-AAAAA-BBBBB',
      remoteAddress: '192.0.2.20',
      headers: { 'x-report-secret': 'x'.repeat(20) },
    });
    expect(report.statusCode).not.toBe(429);
  });

  it('opens a new window once the last has ended, and deletes expired counters', async () => {
    const { app } = deployment.first;
    const server = Fastify();
    await server.register(rateLimit, { global: false, store: databaseRateLimitStore(app) });
    server.get('/short', { config: { rateLimit: { max: 2, timeWindow: 1_500 } } }, async () => 'ok');
    const hit = async (remoteAddress: string) =>
      (await server.inject({ method: 'GET', url: '/short', remoteAddress })).statusCode;
    expect([await hit('198.51.100.1'), await hit('198.51.100.1'), await hit('198.51.100.1')]).toEqual([
      200, 200, 429,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect([await hit('198.51.100.1'), await hit('198.51.100.1'), await hit('198.51.100.1')]).toEqual([
      200, 200, 429,
    ]);
    await server.close();

    // Another process's store purges what has expired with its first count.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const fresh = Fastify();
    await fresh.register(rateLimit, { global: false, store: databaseRateLimitStore(app) });
    fresh.get('/other', { config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async () => 'ok');
    expect(
      (await fresh.inject({ method: 'GET', url: '/other', remoteAddress: '198.51.100.2' })).statusCode,
    ).toBe(200);
    const left = await sql`select key from rate_limit_counters where key like 'GET /short %'`.execute(app.db);
    expect(left.rows).toEqual([]);
    await fresh.close();
  });

  it('refuses the plugin options it does not implement', async () => {
    const server = Fastify();
    await expect(
      server.register(rateLimit, {
        global: false,
        continueExceeding: true,
        store: databaseRateLimitStore(deployment.first.app),
      }),
    ).rejects.toThrow(/continueExceeding/);
    await server.close();
  });
});
