import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { demoPassword } from '../demo/demo-accounts.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { sessionCookieName } from './session-cookie.ts';

const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']);

describe('the session cookie over https', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode({ publicUrl: 'https://liaison.knpa.example', secureCookies: true });
  });
  afterAll(() => t.close());

  it('is a __Host- cookie: Secure, Path=/, no Domain', async () => {
    const response = await t.client().login('analyst@knpa.demo', demoPassword);
    const cookie = cookieOf(response);
    expect(cookie).toMatch(/^__Host-liaison_session=ls_/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('signs in with it, still wants the CSRF token, and refuses the unprefixed name', async () => {
    const client = t.client();
    await client.login('analyst@knpa.demo', demoPassword);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const csrfToken = client.csrfToken;
    client.csrfToken = null;
    expect((await client.post('/api/v1/me/tokens', { name: 'script' })).json().code).toBe('csrf-failed');
    client.csrfToken = csrfToken;

    const unprefixed = t.client();
    unprefixed.cookie = client.cookie!.replace(/^__Host-/, '');
    expect((await unprefixed.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('is cleared on logout with the same attributes a browser needs to accept it', async () => {
    const client = t.client();
    await client.login('analyst@knpa.demo', demoPassword);
    const response = await client.post('/api/v1/auth/logout', {});
    expect(response.statusCode).toBe(204);
    const cleared = cookieOf(response);
    expect(cleared).toMatch(/^__Host-liaison_session=;/);
    expect(cleared).toMatch(/; Secure/);
    expect(cleared).toMatch(/; Path=\//);
    expect(client.cookie).toBeNull();
  });
});

describe('the session cookie over http', () => {
  let t: TestNode;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(() => t.close());

  it('keeps its plain name and no Secure attribute (a browser would drop it on http)', async () => {
    const cookie = cookieOf(await t.client().login('analyst@knpa.demo', demoPassword));
    expect(cookie).toMatch(/^liaison_session=ls_/);
    expect(cookie).not.toMatch(/Secure/);
  });
});

describe('the cookie name', () => {
  it('follows the secure-cookie setting, which follows PUBLIC_URL by default', () => {
    expect(sessionCookieName(loadConfig({ PUBLIC_URL: 'https://liaison.knpa.example' }))).toBe(
      '__Host-liaison_session',
    );
    expect(sessionCookieName(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8080' }))).toBe('liaison_session');
    expect(
      sessionCookieName(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8080', SECURE_COOKIES: 'true' })),
    ).toBe('__Host-liaison_session');
    expect(
      sessionCookieName(loadConfig({ PUBLIC_URL: 'https://liaison.knpa.example', SECURE_COOKIES: 'false' })),
    ).toBe('liaison_session');
  });
});
