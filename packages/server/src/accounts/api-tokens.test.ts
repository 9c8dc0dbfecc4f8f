import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode, testPassword } from '../testing/test-node.ts';

const maxDays = 30;
let t: TestNode;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestNode({ apiTokenMaxDays: maxDays });
  admin = await t.signIn(['administrator']);
});
afterAll(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A signed-in officer, their id and one API token of theirs. */
async function officerWithToken() {
  const officer = await t.signIn(['investigator']);
  const id = (await officer.get('/api/v1/me')).json().id as string;
  const created = await officer.post('/api/v1/me/tokens', { name: 'hotline bridge', expiresInDays: 7 });
  expect(created.statusCode).toBe(201);
  return { officer, id, token: created.json().token as string };
}

const tokenWorks = async (token: string) => (await t.client().get('/api/v1/me', bearer(token))).statusCode;

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.node.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'api_token.%')
    .where('actor_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('API tokens end with the account’s sessions', () => {
  it('on a password reset', async () => {
    const { id, token } = await officerWithToken();
    expect(await tokenWorks(token)).toBe(200);
    const reset = await admin.post(`/api/v1/users/${id}/password`, {
      password: 'a new long enough password',
      resetTotp: false,
    });
    expect(reset.statusCode).toBe(204);
    expect(await tokenWorks(token)).toBe(401);
  });

  it('on an authenticator (TOTP) reset', async () => {
    const { id, token } = await officerWithToken();
    await admin.post(`/api/v1/users/${id}/password`, {
      password: 'a new long enough password',
      resetTotp: true,
    });
    expect(await tokenWorks(token)).toBe(401);
  });

  it('on "sign out everywhere", not on signing out of one session', async () => {
    const { officer, token } = await officerWithToken();
    expect((await officer.post('/api/v1/auth/logout', {})).statusCode).toBe(204);
    expect(await tokenWorks(token)).toBe(200);
    const second = await officerWithToken();
    expect((await second.officer.post('/api/v1/auth/logout', { everywhere: true })).statusCode).toBe(204);
    expect(await tokenWorks(second.token)).toBe(401);
    expect(await auditActions(second.id)).toContain('api_token.ended');
  });

  it('when the account is disabled, and stay ended when it is enabled again', async () => {
    const { id, token } = await officerWithToken();
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect(await tokenWorks(token)).toBe(401);
  });

  it('lists an ended token as revoked', async () => {
    const { officer, token } = await officerWithToken();
    const email = (await officer.get('/api/v1/me')).json().email as string;
    await officer.post('/api/v1/auth/logout', { everywhere: true });
    const again = t.client();
    expect((await again.login(email, testPassword)).statusCode).toBe(200);
    expect(await tokenWorks(token)).toBe(401);
    expect((await again.get('/api/v1/me/tokens')).json()).toEqual([
      expect.objectContaining({ name: 'hotline bridge', revoked: true }),
    ]);
  });
});

describe('minting tokens', () => {
  it('refuses a token that asks for another token (403), from a session only', async () => {
    const { id, token } = await officerWithToken();
    const before = await t.node.app.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', id)
      .execute();
    const minted = await t.client().post('/api/v1/me/tokens', { name: 'forever' }, bearer(token));
    expect(minted.statusCode).toBe(403);
    expect(minted.json().code).toBe('forbidden');
    const after = await t.node.app.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', id)
      .execute();
    expect(after).toHaveLength(before.length);
    expect(await auditActions(id)).toContain('api_token.refused');
  });

  it('refuses a lifetime beyond the maximum with 400 naming the field', async () => {
    const officer = await t.signIn(['analyst']);
    const response = await officer.post('/api/v1/me/tokens', { name: 'long', expiresInDays: maxDays + 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([
      expect.objectContaining({
        path: '/expiresInDays',
        code: 'too_big',
        params: expect.objectContaining({ maximum: maxDays }),
      }),
    ]);
  });

  it('gives a token without a lifetime the maximum instead of none', async () => {
    const officer = await t.signIn(['analyst']);
    const before = Date.now();
    const created = (await officer.post('/api/v1/me/tokens', { name: 'default' })).json();
    expect(created.expiresAt).not.toBeNull();
    const days = (Date.parse(created.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(maxDays - 0.01);
    expect(days).toBeLessThan(maxDays + 0.01);
  });

  it('ends a token made without an end (before the maximum existed) once it is older than the maximum', async () => {
    const { id, token } = await officerWithToken();
    await t.node.app.db
      .updateTable('api_tokens')
      .set({ expires_at: null, created_at: new Date(Date.now() - (maxDays + 1) * 86_400_000) })
      .where('user_id', '=', id)
      .execute();
    expect(await tokenWorks(token)).toBe(401);
    const listed = await t.node.app.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', id)
      .execute();
    expect(listed).toHaveLength(1);
  });
});
