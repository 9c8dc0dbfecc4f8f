import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
let admin: TestClient;
let agencyId: string;

beforeAll(async () => {
  t = await startTestNode();
  admin = await t.signIn(['administrator']);
  agencyId = (
    await t.node.app.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'KNPA')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

async function userCount() {
  return Number(
    (
      await t.node.app.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

const validUser = () => ({
  email: `new${Math.random().toString(36).slice(2)}@knpa.test`,
  displayName: 'New Officer',
  agencyId,
  roles: ['investigator'],
  password: 'long enough password',
});

describe('bad input', () => {
  it('answers malformed JSON with a problem and writes nothing', async () => {
    const before = await userCount();
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: '{"email": "x@y.z",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('malformed-json');
    expect(await userCount()).toBe(before);
  });

  it('names unknown fields, wrong types and invalid emails', async () => {
    const response = await admin.post('/api/v1/users', {
      ...validUser(),
      email: 'not-an-email',
      roles: 'investigator',
      isRoot: true,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/email', '/roles']));
    expect(JSON.stringify(response.json().fields)).toMatch(/isRoot/);
  });

  it('refuses overlong strings and an oversize body', async () => {
    const long = await admin.post('/api/v1/users', { ...validUser(), displayName: 'x'.repeat(5000) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].path).toBe('/displayName');
    const huge = await admin.post('/api/v1/users', { ...validUser(), displayName: 'x'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload-too-large');
  });

  it('gives each field problem a code and params a client can translate', async () => {
    const { displayName: _, ...withoutName } = validUser();
    const response = await admin.post('/api/v1/users', {
      ...withoutName,
      email: 'not-an-email',
      agencyId: 'not-a-uuid',
      roles: ['sheriff'],
      language: 42,
      password: 'x'.repeat(300),
      isRoot: true,
    });
    expect(response.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      response.json().fields.map((f: { path: string }) => [f.path, f] as const),
    );
    expect(byPath).toMatchObject({
      '/displayName': { code: 'required', params: { expected: 'string' }, message: expect.any(String) },
      '/email': {
        code: 'invalid_format',
        params: { format: 'email' },
        message: 'Enter a valid email address',
      },
      '/agencyId': { code: 'invalid_format', params: { format: 'uuid' } },
      '/roles/0': { code: 'invalid_value', params: { values: expect.arrayContaining(['investigator']) } },
      '/language': { code: 'invalid_value', params: { values: ['en', 'ko', 'km'] } },
      '/password': { code: 'too_big', params: { origin: 'string', maximum: 256, inclusive: true } },
      '/': { code: 'unrecognized_keys', params: { keys: ['isRoot'] } },
    });
    const tooLong = await admin.post('/api/v1/users', { ...validUser(), displayName: 'x'.repeat(121) });
    expect(tooLong.json().fields).toEqual([
      {
        path: '/displayName',
        message: expect.any(String),
        code: 'too_big',
        params: { origin: 'string', maximum: 120, inclusive: true },
      },
    ]);
    const wrongType = await admin.post('/api/v1/users', { ...validUser(), roles: 'investigator' });
    expect(wrongType.json().fields).toContainEqual(
      expect.objectContaining({ path: '/roles', code: 'invalid_type', params: { expected: 'array' } }),
    );
  });

  it('codes query-string problems too: a bad date, a bad uuid and an unknown parameter', async () => {
    const investigator = await t.signIn(['investigator']);
    const response = await investigator.get('/api/v1/cases?createdFrom=yesterday&assignee=nobody&colour=red');
    expect(response.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      response.json().fields.map((f: { path: string }) => [f.path, f] as const),
    );
    expect(byPath).toMatchObject({
      '/querystring/createdFrom': { code: 'invalid_format', params: { format: 'date' } },
      '/querystring/assignee': { code: 'invalid_format', params: { format: 'uuid' } },
      // The plugin's root path is "/", hence the trailing slash (as before codes came).
      '/querystring/': { code: 'unrecognized_keys', params: { keys: ['colour'] } },
    });
  });

  it('refuses a NUL character in a text field, a query or a field name, naming where it is', async () => {
    const investigator = await t.signIn(['investigator']);
    const title = await investigator.post('/api/v1/cases', caseBody({ title: 'Bavet\u0000ring' }));
    expect(title.statusCode).toBe(400);
    expect(title.headers['content-type']).toContain('application/problem+json');
    expect(title.json().fields).toEqual([
      expect.objectContaining({ path: '/title', code: 'invalid_format', params: { format: 'text' } }),
    ]);
    const query = await investigator.get('/api/v1/cases?q=Bavet%00ring');
    expect(query.statusCode).toBe(400);
    expect(query.json().fields).toEqual([expect.objectContaining({ path: '/querystring/q' })]);
    const key = await investigator.post('/api/v1/entities', {
      type: 'person',
      properties: { 'names\u0000': 'x' },
    });
    expect(key.statusCode).toBe(400);
    expect(key.json().fields).toEqual([expect.objectContaining({ path: '/properties' })]);
  });

  it('refuses a lone UTF-16 surrogate instead of storing a replacement character', async () => {
    const investigator = await t.signIn(['investigator']);
    const response = await investigator.post('/api/v1/cases', caseBody({ title: 'Bavet \ud800 ring' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ path: '/title' })]);
  });

  it('refuses a case list cursor whose key is not a date, a number or an id', async () => {
    const investigator = await t.signIn(['investigator']);
    const cursor = (key: string[], sort = 'updatedAt') =>
      Buffer.from(JSON.stringify({ sort, direction: 'desc', key })).toString('base64url');
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [sort, key] of [
      ['updatedAt', ['yesterday', id]],
      ['updatedAt', ['2026-02-30 10:00:00+00', id]],
      ['createdAt', ['2026-01-01 10:00:00+00', 'not-an-id']],
      ['priority', ['high', '2026-01-01 10:00:00+00', id]],
      ['priority', ['99999999', '2026-01-01 10:00:00+00', id]],
      ['title', ['Bavet\u0000', id]],
    ] as const) {
      const response = await investigator.get(`/api/v1/cases?sort=${sort}&cursor=${cursor([...key], sort)}`);
      expect(response.statusCode, `${sort} ${key.join(' ')}`).toBe(400);
      expect(response.json().fields).toEqual([expect.objectContaining({ path: '/querystring/cursor' })]);
    }
  });

  it('answers an empty preferences change as a change of nothing', async () => {
    const investigator = await t.signIn(['investigator']);
    const before = (await investigator.get('/api/v1/me')).json();
    const response = await investigator.patch('/api/v1/me/preferences', {});
    expect(response.statusCode).toBe(204);
    const after = (await investigator.get('/api/v1/me')).json();
    expect(after).toMatchObject({ language: before.language, timeZone: before.timeZone });
  });

  it('stores SQL and script fragments as plain text, executing nothing', async () => {
    const name = `Robert'); DROP TABLE users;-- <script>alert(1)</script>`;
    const response = await admin.post('/api/v1/users', { ...validUser(), displayName: name });
    expect(response.statusCode).toBe(201);
    expect(response.json().displayName).toBe(name);
    expect(await userCount()).toBeGreaterThan(1);
    const auditor = await t.signIn(['auditor']);
    const search = await auditor.get(`/api/v1/audit?action=${encodeURIComponent("user%' OR 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json()).toEqual([]);
  });

  it('keeps serving after all of that', async () => {
    expect((await t.client().get('/api/health')).json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown API path with a problem, and sets security headers', async () => {
    const response = await t.client().get('/api/v1/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not-found');
    const health = await t.client().get('/api/health');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes an OpenAPI document of the routes', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/me']),
    );
  });
});
