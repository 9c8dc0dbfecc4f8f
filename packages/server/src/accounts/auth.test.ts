import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo/demo-accounts.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { currentTotp } from './totp.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

describe('signing in', () => {
  it('signs in with email and password and shows the user in /me', async () => {
    const client = t.client();
    expect((await client.login('Investigator@KNPA.demo ', demoPassword)).statusCode).toBe(200);
    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: 'investigator@knpa.demo',
      agencyCode: 'KNPA',
      roles: ['investigator'],
    });
    expect(me.json().permissions).toContain('cases.write');
    expect(me.headers['set-cookie']).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await t.client().login('analyst@knpa.demo', demoPassword);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('answers a wrong password with a problem naming no account detail', async () => {
    const response = await t.client().login('analyst@knpa.demo', 'not the password');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid-credentials', title: 'Wrong email or password' });
    const unknown = await t.client().login('nobody@knpa.demo', 'not the password');
    expect(unknown.json().code).toBe('invalid-credentials');
  });

  it('refuses /me without a session', async () => {
    const response = await t.client().get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  it('refuses a disabled account even with the right password', async () => {
    const admin = await t.signIn(['administrator']);
    const target = (await admin.get('/api/v1/users'))
      .json()
      .find((u: { email: string }) => u.email === 'auditor@knpa.demo');
    expect((await admin.patch(`/api/v1/users/${target.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.client().login('auditor@knpa.demo', demoPassword)).json().code).toBe('account-disabled');
  });
});

describe('TOTP', () => {
  it('enrols, then requires a code, accepts a recovery code once, and rejects a wrong code', async () => {
    const client = t.client();
    await client.login('admin@knpa.demo', demoPassword);
    expect((await client.get('/api/v1/me')).json().mustEnrolTotp).toBe(true);
    const setup = (await client.post('/api/v1/auth/totp/setup')).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await client.post('/api/v1/auth/totp/confirm', { code: '000000' });
    expect(wrong.json().code).toBe('invalid-totp');
    const confirmed = await client.post('/api/v1/auth/totp/confirm', { code: currentTotp(setup.secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/v1/users')).statusCode).toBe(200);

    const next = t.client();
    expect((await next.login('admin@knpa.demo', demoPassword)).json().code).toBe('totp-required');
    expect((await next.login('admin@knpa.demo', demoPassword, '123456')).json().code).toBe('invalid-totp');
    // The code that confirmed the enrolment is spent; the next step's code is accepted (one step of drift).
    const nextCode = currentTotp(setup.secret, Date.now() + 30_000);
    expect((await next.login('admin@knpa.demo', demoPassword, nextCode)).statusCode).toBe(200);
    expect((await t.client().login('admin@knpa.demo', demoPassword, recoveryCodes[0])).statusCode).toBe(200);
    expect((await t.client().login('admin@knpa.demo', demoPassword, recoveryCodes[0])).json().code).toBe(
      'invalid-totp',
    );
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-borne write without the CSRF token', async () => {
    const client = await t.signIn(['investigator']);
    client.csrfToken = null;
    const response = await client.post('/api/v1/me/tokens', { name: 'script' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf-failed');
  });

  it('ends the session on logout, and every session with "everywhere"', async () => {
    const a = t.client();
    const b = t.client();
    await a.login('liaison@knpa.demo', demoPassword);
    await b.login('liaison@knpa.demo', demoPassword);
    expect((await a.post('/api/v1/auth/logout', {})).statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    const c = t.client();
    await c.login('liaison@knpa.demo', demoPassword);
    await c.post('/api/v1/auth/logout', { everywhere: true });
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('expires an idle session (decided on every request, cached session or not)', async () => {
    const client = await t.signIn(['analyst']);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const realNow = t.node.app.now;
    t.node.app.now = () => new Date(Date.now() + 31 * 60_000);
    try {
      expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      t.node.app.now = realNow;
    }
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticates a machine client with a bearer token until it is revoked', async () => {
    const client = await t.signIn(['investigator']);
    const created = (await client.post('/api/v1/me/tokens', { name: 'hotline bridge' })).json();
    expect(created.token).toMatch(/^lt_/);
    const machine = t.client();
    const me = await machine.get('/api/v1/me', { authorization: `Bearer ${created.token}` });
    expect(me.statusCode).toBe(200);
    await client.delete(`/api/v1/me/tokens/${created.id}`);
    expect((await machine.get('/api/v1/me', { authorization: `Bearer ${created.token}` })).statusCode).toBe(
      401,
    );
  });
});

describe('the signed-in user', () => {
  it('shows agency and unit names in /me', async () => {
    const client = t.client();
    await client.login('commander@cnp.demo', demoPassword);
    expect((await client.get('/api/v1/me')).json()).toMatchObject({
      agencyName: 'Cambodian National Police',
      unitName: 'Korea Desk (Joint Unit)',
    });
  });

  it('cannot replace an enrolled authenticator from a session', async () => {
    const admin = await t.signIn(['administrator']);
    const response = await admin.post('/api/v1/auth/totp/setup');
    expect(response.statusCode).toBe(409);
  });
});
