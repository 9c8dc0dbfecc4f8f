import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

// The proxy is 10.0.0.7; the clients behind it are 203.0.113.1 and 203.0.113.2.
const proxy = '10.0.0.7';

function loginVia(t: TestNode, client: string) {
  return t.node.http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: proxy,
    headers: { 'x-forwarded-for': client },
    payload: { email: 'nobody@knpa.demo', password: 'not the password' },
  });
}

async function failedLoginIps(t: TestNode): Promise<(string | null)[]> {
  const rows = await t.node.app.db
    .selectFrom('audit_log')
    .select('ip')
    .where('action', '=', 'auth.login_failed')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.ip);
}

describe('TRUST_PROXY', () => {
  it('is off by default; takes a hop count or a list of addresses and CIDRs; refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.4,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
  });
});

describe('without TRUST_PROXY', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode({ loginRateLimitPerMinute: 2 });
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For: clients behind a proxy share one budget and the audit names the socket', async () => {
    expect((await loginVia(t, '203.0.113.1')).statusCode).toBe(401);
    expect((await loginVia(t, '203.0.113.2')).statusCode).toBe(401);
    const third = await loginVia(t, '203.0.113.2');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('rate-limited');
    expect(await failedLoginIps(t)).toEqual([proxy, proxy]);
  });
});

describe('with TRUST_PROXY naming the proxy', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode({
      loginRateLimitPerMinute: 2,
      trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.0/24' }).trustProxy,
    });
  });
  afterAll(() => t?.close());

  it('gives each client behind it its own budget and names the client in the audit', async () => {
    expect((await loginVia(t, '203.0.113.1')).statusCode).toBe(401);
    expect((await loginVia(t, '203.0.113.1')).statusCode).toBe(401);
    expect((await loginVia(t, '203.0.113.1')).statusCode).toBe(429);
    expect((await loginVia(t, '203.0.113.2')).statusCode).toBe(401);
    expect(await failedLoginIps(t)).toEqual(['203.0.113.1', '203.0.113.1', '203.0.113.2']);
  });

  it('does not let a client that is not the proxy choose its address', async () => {
    const direct = await t.node.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.9',
      headers: { 'x-forwarded-for': '203.0.113.77' },
      payload: { email: 'nobody@knpa.demo', password: 'not the password' },
    });
    expect(direct.statusCode).toBe(401);
    expect((await failedLoginIps(t)).at(-1)).toBe('198.51.100.9');
  });
});

describe('with TRUST_PROXY as a hop count', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode({ loginRateLimitPerMinute: 2, trustProxy: 1 });
  });
  afterAll(() => t?.close());

  it('takes the address the nearest proxy saw, not one the client wrote further left', async () => {
    const response = await t.node.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': '192.0.2.66, 203.0.113.9' },
      payload: { email: 'nobody@knpa.demo', password: 'not the password' },
    });
    expect(response.statusCode).toBe(401);
    expect(await failedLoginIps(t)).toEqual(['203.0.113.9']);
  });
});
