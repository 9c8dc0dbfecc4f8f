import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/database.ts';
import { makeCase, phone } from '../graph/entities/graph-test-support.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { TestClient } from '../testing/test-client.ts';
import { testDatabaseKind } from '../testing/test-database.ts';
import { startTestNode, type TestNode, testConfig } from '../testing/test-node.ts';
import { inAudience } from './audience.ts';

/** An SSE listener over a real socket: collects the stream's text until closed. */
async function listen(baseUrl: string, client: TestClient) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events?heartbeatMs=100`, {
    headers: { cookie: client.cookie ?? '' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  let text = '';
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted
    }
  })();
  return {
    text: () => text,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

async function baseUrlOf(node: LiaisonNode): Promise<string> {
  const address = await node.http.listen({ port: 0, host: '127.0.0.1' });
  return address.replace('localhost', '127.0.0.1');
}

describe('audience', () => {
  const actor = {
    userId: 'u1',
    agencyId: 'a1',
    agencyCode: 'KNPA',
    unitId: null,
    roles: ['investigator' as const],
    email: '',
    displayName: '',
    via: 'session' as const,
  };
  it('matches by user id, by agency with the permission, or by permission alone', () => {
    expect(inAudience(actor, { userIds: ['u1'] })).toBe(true);
    expect(inAudience(actor, { agencyCodes: ['KNPA'], permission: 'entities.read' })).toBe(true);
    expect(inAudience(actor, { agencyCodes: ['KNPA'], permission: 'users.manage' })).toBe(false);
    expect(inAudience(actor, { agencyCodes: ['CNP'] })).toBe(false);
    expect(inAudience(actor, { permission: 'cases.read' })).toBe(true);
    expect(inAudience(actor, {})).toBe(false);
  });
});

describe('live events over SSE', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(() => t.close());

  it('streams a hit to both teams with heartbeats, and not to an unrelated agency; no personal data in the text', async () => {
    const knpa = await t.signIn(['investigator'], 'KNPA');
    const cnp = await t.signIn(['investigator'], 'CNP');
    const mofa = await t.signIn(['investigator'], 'MOFA');
    const base = await baseUrlOf(t.node);
    const [a, b, outsider] = await Promise.all([listen(base, knpa), listen(base, cnp), listen(base, mofa)]);
    await knpa.post('/api/v1/entities', { ...phone('010-2345-6789'), caseId: await makeCase(t.node, knpa) });
    await cnp.post('/api/v1/entities', { ...phone('+82 10 2345 6789'), caseId: await makeCase(t.node, cnp) });
    await expect.poll(() => a.text(), { timeout: 5_000 }).toContain('event: hit.raised');
    await expect.poll(() => b.text(), { timeout: 5_000 }).toContain('event: hit.raised');
    await expect.poll(() => a.text(), { timeout: 5_000 }).toContain(': heartbeat');
    expect(outsider.text()).not.toContain('hit.raised');
    expect(a.text()).not.toMatch(/\+82|1023456789|2345-6789/);
    await Promise.all([a.close(), b.close(), outsider.close()]);
  });

  it('refuses the stream without a session', async () => {
    expect((await t.client().get('/api/v1/events')).statusCode).toBe(401);
  });
});

describe.runIf(testDatabaseKind() === 'postgres')(
  'live events across two processes on one PostgreSQL database',
  () => {
    let a: TestNode;
    let nodeB: LiaisonNode;
    beforeAll(async () => {
      a = await startTestNode();
      const url = (a.node.database.pool as unknown as { options: { connectionString: string } }).options
        .connectionString;
      nodeB = await createNode(testConfig(), { database: await openPostgres(url, 3), logger: false });
    });
    afterAll(async () => {
      await nodeB?.close();
      await a?.close();
    });

    it('delivers a hit raised on node A to an SSE listener on node B', async () => {
      const knpaOnA = await a.signIn(['investigator'], 'KNPA');
      const cnpOnA = await a.signIn(['investigator'], 'CNP');
      // The same user signs in on node B (sessions live in the shared database).
      const cnpOnB = new TestClient(nodeB.http);
      cnpOnB.cookie = cnpOnA.cookie;
      const base = await baseUrlOf(nodeB);
      const listener = await listen(base, cnpOnB);
      const knpaCase = await makeCase(a.node, knpaOnA);
      const cnpCase = await makeCase(a.node, cnpOnA);
      await cnpOnA.post('/api/v1/entities', { ...phone('012 777 888'), caseId: cnpCase });
      const created = (
        await knpaOnA.post('/api/v1/entities', { ...phone('+855 12 777 888'), caseId: knpaCase })
      ).json();
      expect(created.hits).toHaveLength(1);
      await expect.poll(() => listener.text(), { timeout: 5_000 }).toContain(created.hits[0].id);
      await listener.close();
    });

    it('survives the server ending its connections (57P01): no unhandled error, and LISTEN comes back', async () => {
      // Warm both pools so they hold idle connections, then have the server end every other connection.
      await Promise.all([
        a.node.app.db.selectFrom('agencies').select('id').execute(),
        nodeB.app.db.selectFrom('agencies').select('id').execute(),
      ]);
      const { sql } = await import('kysely');
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(
        a.node.app.db,
      );
      const received: string[] = [];
      const unsubscribe = nodeB.app.events.subscribe((event) => received.push(String(event.payload.n)));
      let n = 0;
      await expect
        .poll(
          async () => {
            n += 1;
            await a.node.app.events.publish({ type: 'test.ping', audience: {}, payload: { n } });
            return received.length;
          },
          { timeout: 10_000, interval: 300 },
        )
        .toBeGreaterThan(0);
      unsubscribe();
    });
  },
);
