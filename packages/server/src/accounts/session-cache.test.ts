import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/database.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { TestClient } from '../testing/test-client.ts';
import { testDatabaseKind } from '../testing/test-database.ts';
import { startTestNode, type TestNode, testConfig } from '../testing/test-node.ts';
import { SessionCache } from './session-cache.ts';
import type { SessionRow } from './sessions.ts';

const row = (email: string): SessionRow => ({
  csrf_token: 'csrf',
  last_seen_at: new Date(0),
  expires_at: new Date(10_000_000),
  user_id: 'u',
  agency_id: 'a',
  agency_code: 'KNPA',
  unit_id: null,
  roles: ['analyst'],
  email,
  display_name: email,
  disabled: false,
  totp_enrolled_at: null,
});

describe('the session cache', () => {
  it('keeps an entry for its lifetime only', () => {
    const cache = new SessionCache(5_000);
    cache.store('h', row('a@x'), cache.begin(), 1_000);
    expect(cache.get('h', 5_999)?.email).toBe('a@x');
    expect(cache.get('h', 6_000)).toBeNull();
  });

  it('never stores a row read before a clear (a change committed meanwhile)', () => {
    const cache = new SessionCache(5_000);
    const generation = cache.begin();
    cache.clear();
    cache.store('h', row('a@x'), generation, 0);
    expect(cache.get('h', 1)).toBeNull();
  });

  it('stores nothing when disabled, and drops the oldest entry when full', () => {
    const off = new SessionCache(0);
    off.store('h', row('a@x'), off.begin(), 0);
    expect(off.get('h', 0)).toBeNull();
    const small = new SessionCache(5_000, 2);
    for (const key of ['h1', 'h2', 'h3']) small.store(key, row(key), small.begin(), 0);
    expect(small.get('h1', 1)).toBeNull();
    expect(small.get('h3', 1)?.email).toBe('h3');
  });
});

describe('sessions with a long-lived cache', () => {
  // A minute's cache: if any of these passed only through expiry, they would take a minute.
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode({ sessionCacheMs: 60_000 });
  });
  afterAll(() => t.close());

  it('reuses a resolved session, within the cache lifetime only', async () => {
    const client = await t.signIn(['analyst']);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    // Deleted behind the services' back (as a DBA would): this process still knows it, for its cache lifetime.
    await t.node.app.db.deleteFrom('sessions').where('user_id', 'is not', null).execute();
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const realNow = t.node.app.now;
    t.node.app.now = () => new Date(Date.now() + 61_000);
    try {
      expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      t.node.app.now = realNow;
    }
  });

  it('ends a cached session at once when the account is disabled or its roles change', async () => {
    const admin = await t.signIn(['administrator']);
    const disabled = await t.signIn(['investigator']);
    const demoted = await t.signIn(['investigator']);
    const ids = await Promise.all(
      [disabled, demoted].map(async (c) => (await c.get('/api/v1/me')).json().id as string),
    );
    expect((await admin.patch(`/api/v1/users/${ids[0]}`, { disabled: true })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${ids[1]}`, { roles: ['auditor'] })).statusCode).toBe(200);
    expect((await disabled.get('/api/v1/me')).statusCode).toBe(401);
    expect((await demoted.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends a cached session at once on logout everywhere and on a password reset', async () => {
    const admin = await t.signIn(['administrator']);
    const a = await t.signIn(['analyst']);
    const me = (await a.get('/api/v1/me')).json();
    const b = t.client();
    b.cookie = a.cookie;
    await a.post('/api/v1/auth/logout', { everywhere: true });
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    const c = await t.signIn(['analyst']);
    const other = (await c.get('/api/v1/me')).json();
    expect(me.id).not.toBe(other.id);
    const reset = await admin.post(`/api/v1/users/${other.id}/password`, {
      password: 'another long enough password',
      resetTotp: false,
    });
    expect(reset.statusCode).toBeLessThan(300);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('a cached session in another process', () => {
  let a: TestNode;
  let nodeB: LiaisonNode;
  beforeAll(async () => {
    a = await startTestNode({ sessionCacheMs: 60_000 });
    const url = (a.node.database.pool as unknown as { options: { connectionString: string } }).options
      .connectionString;
    nodeB = await createNode(testConfig({ sessionCacheMs: 60_000 }), {
      database: await openPostgres(url, 3),
      logger: false,
    });
  });
  afterAll(async () => {
    await nodeB?.close();
    await a?.close();
  });

  it('ends there too when the account is disabled here (LISTEN/NOTIFY), well before the cache expires', async () => {
    const admin = await a.signIn(['administrator']);
    const onA = await a.signIn(['investigator']);
    const id = (await onA.get('/api/v1/me')).json().id;
    const onB = new TestClient(nodeB.http);
    onB.cookie = onA.cookie;
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    await expect
      .poll(async () => (await onB.get('/api/v1/me')).statusCode, { timeout: 5_000, interval: 50 })
      .toBe(401);
  });
});
