import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { openScratchPostgres, openTestDatabase, testDatabaseKind } from '../testing/test-database.ts';
import { testConfig } from '../testing/test-node.ts';
import type { Job } from './job.ts';
import { PgBossScheduler } from './pg-boss-driver.ts';

const app = { log: pino({ level: 'silent' }), now: () => new Date() } as unknown as AppContext;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const onPostgres = testDatabaseKind() === 'postgres';

describe.skipIf(onPostgres)('pg-boss job driver on PGlite', () => {
  it('is refused with the reason, before the node starts', async () => {
    const database = await openTestDatabase();
    try {
      await expect(
        createNode(testConfig({ jobsDriver: 'pg-boss' }), { database, logger: false }),
      ).rejects.toThrow(/JOBS_DRIVER=pg-boss needs a PostgreSQL database/);
    } finally {
      await database.close();
    }
  });
});

// pg-boss keeps its queues in PostgreSQL tables; PGlite runs jobs in-process (the case above).
describe.skipIf(!onPostgres)('pg-boss job driver (PostgreSQL only: LIAISON_TEST_DB=postgres)', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openScratchPostgres(process.env.TEST_DATABASE_URL!);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A job two "processes" share; it records how many of its runs overlapped. */
  function shared(name: string, everyMs?: number) {
    const state = { runs: 0, active: 0, overlapped: 0 };
    const job: Job = {
      name,
      phase: 'node',
      ...(everyMs && { everyMs: () => everyMs }),
      run: async () => {
        state.runs += 1;
        state.active += 1;
        if (state.active > 1) state.overlapped += 1;
        await sleep(150);
        state.active -= 1;
      },
    };
    return { state, job };
  }

  const processes = (job: Job) =>
    [1, 2].map(
      () => new PgBossScheduler(() => app, [job], { pool: database.pool!, pollingIntervalSeconds: 0.5 }),
    );

  it('runs kicks from two processes one at a time, coalescing those that arrive during a run', async () => {
    const { state, job } = shared('test.kicked');
    const [a, b] = processes(job);
    try {
      await Promise.all([a!.start('node'), b!.start('node')]);
      for (let i = 0; i < 5; i++) {
        a!.kick(job.name);
        b!.kick(job.name);
        await sleep(20);
      }
      const deadline = Date.now() + 10_000;
      while ((state.runs < 2 || state.active > 0) && Date.now() < deadline) await sleep(100);
      await sleep(1_500); // anything still queued would have run by now
      expect(state.overlapped).toBe(0);
      expect(state.runs).toBeGreaterThanOrEqual(2);
      expect(state.runs).toBeLessThanOrEqual(3); // one active and one waiting at most, not ten
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  it('runs a scheduled job once per period across processes, not once per process', async () => {
    const { state, job } = shared('test.periodic', 1_000);
    const [a, b] = processes(job);
    try {
      await Promise.all([a!.start('node'), b!.start('node')]);
      await sleep(4_300);
      expect(state.overlapped).toBe(0);
      expect(state.runs).toBeGreaterThanOrEqual(2);
      expect(state.runs).toBeLessThanOrEqual(5); // two processes ticking alone would make about eight
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  describe('a node with JOBS_DRIVER=pg-boss', () => {
    let node: LiaisonNode;
    let nodeDatabase: DatabaseHandle;
    beforeAll(async () => {
      nodeDatabase = await openScratchPostgres(process.env.TEST_DATABASE_URL!);
      node = await createNode(testConfig({ jobsDriver: 'pg-boss' }), {
        database: nodeDatabase,
        logger: false,
      });
    });
    afterAll(async () => {
      await node?.close();
    });

    it("runs its features' jobs as pg-boss queues in its database", async () => {
      expect(node.app.jobs.driver).toBe('pg-boss');
      node.app.jobs.kick('rescue.escalations');
      const deadline = Date.now() + 10_000;
      let states: string[] = [];
      while (Date.now() < deadline) {
        const rows = await nodeDatabase.pool!.query<{ state: string }>(
          "select state from pgboss.job where name = 'rescue.escalations'",
        );
        states = rows.rows.map((r) => r.state);
        if (states.includes('completed')) break;
        await sleep(200);
      }
      expect(states).toContain('completed');
      const queues = await nodeDatabase.pool!.query<{ name: string; policy: string }>(
        'select name, policy from pgboss.queue order by name',
      );
      expect(queues.rows).toEqual(
        expect.arrayContaining([
          { name: 'audit.checkpoints', policy: 'stately' },
          { name: 'federation.deliver', policy: 'stately' },
          { name: 'rescue.escalations', policy: 'stately' },
        ]),
      );
    });
  });
});
