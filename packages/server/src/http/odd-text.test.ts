import { jsonPointer, roles } from '@liaison/core';
import { EntityInput } from '@liaison/core/graph/index';
import { oddText } from '@liaison/core/text/odd-text.test-support';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import { type Path, sampleWithTextAt, textPaths } from '../testing/schema-samples.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

/**
 * Odd text (NUL, lone surrogates, bidirectional overrides, zero-width and combining characters, very long
 * runs) in every text field of every route never makes the node fail: it answers a problem or takes the text.
 * The fields come from the routes' own zod schemas; ids in paths are real records where that is cheap.
 */

let t: TestNode;
let officer: TestClient;
const ids: Record<string, string> = {};
const placeholderId = '00000000-0000-4000-8000-000000000000';
/** A bidirectional control, as a character or as a JSON escape. */
const bidiControl = /\\u202[a-e]|\\u206[6-9]|[\u202a-\u202e\u2066-\u2069]/i;

/** Routes whose body is a free-form record checked by the service: the schema the service applies. */
const serviceBodies: Record<string, z.ZodType> = {
  'POST /api/v1/entities': EntityInput,
};

interface Target {
  route: string;
  method: string;
  url: string;
  where: 'body' | 'querystring';
  schema: z.ZodType;
  path: Path;
  [fc.toStringMethod]: () => string;
}

/** Paths to real records where the walk made one (most specific first); other ids are a placeholder. */
function concreteUrl(url: string): string {
  const real: [string, string][] = [
    ['/api/v1/cases/:id/tasks/:childId', `/api/v1/cases/${ids.case}/tasks/${ids.task}`],
    ['/api/v1/cases/:id/notes/:childId', `/api/v1/cases/${ids.case}/notes/${ids.note}`],
    ['/api/v1/cases/:caseId/entities/:entityId', `/api/v1/cases/${ids.case}/entities/${ids.entity}`],
    ['/api/v1/cases/:id', `/api/v1/cases/${ids.case}`],
    ['/api/v1/cases/:caseId', `/api/v1/cases/${ids.case}`],
    ['/api/v1/entities/:id', `/api/v1/entities/${ids.entity}`],
    ['/api/v1/rescue/cases/:id', `/api/v1/rescue/cases/${ids.rescueCase}`],
    ['/api/v1/compounds/:id', `/api/v1/compounds/${ids.compound}`],
    ['/api/v1/agencies/:id', `/api/v1/agencies/${ids.agency}`],
    ['/api/v1/users/:id', `/api/v1/users/${ids.user}`],
  ];
  const found = real.find(([pattern]) => url === pattern || url.startsWith(`${pattern}/`));
  const concrete = found ? found[1] + url.slice(found[0].length) : url;
  return concrete.replace(/:[a-zA-Z]+/g, placeholderId).replace(/\*$/, 'x');
}

function targets(): Target[] {
  const found: Target[] = [];
  for (const { method, url, schema } of t.node.http.accessTable) {
    // Signing out or rotating keys mid-walk would only end the walk, and they take no text.
    if (url === '/api/v1/auth/logout') continue;
    const route = `${method} ${url}`;
    const body = (serviceBodies[route] ?? schema.body) as z.ZodType | undefined;
    const query = schema.querystring as z.ZodType | undefined;
    for (const [where, part] of [
      ['body', body],
      ['querystring', query],
    ] as const) {
      if (!part) continue;
      for (const path of textPaths(part)) {
        const label = `${route} ${where} ${jsonPointer(path)}`;
        found.push({ route, method, url, where, schema: part, path, [fc.toStringMethod]: () => label });
      }
    }
  }
  return found;
}

/** Percent-encodes UTF-16 as WTF-8, so that a lone surrogate reaches the server as the bytes a client sends. */
function encodeQueryValue(text: string): string {
  let encoded = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else encoded += encodeURIComponent(character);
  }
  return encoded;
}

function queryString(value: unknown): string {
  return Object.entries((value ?? {}) as Record<string, unknown>)
    .flatMap(([key, item]) => [item].flat().map((part) => `${key}=${encodeQueryValue(String(part))}`))
    .join('&');
}

let requests = 0;
/** A new client address each time, so the public routes' per-address rate limits do not answer instead. */
function nextAddress(): string {
  requests += 1;
  return `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
}

function send(target: Target, text: string) {
  const value = sampleWithTextAt(target.schema, target.path, text);
  const url = concreteUrl(target.url);
  const remoteAddress = nextAddress();
  if (target.where === 'querystring') {
    return officer.request({
      method: target.method as 'GET',
      url: `${url}?${queryString(value)}`,
      remoteAddress,
    });
  }
  return officer.request({
    method: target.method as 'POST',
    url,
    remoteAddress,
    payload: JSON.stringify(value),
    headers: { 'content-type': 'application/json', 'if-match': '"1"' },
  });
}

function fieldPointer(target: Target): string {
  return target.where === 'querystring'
    ? jsonPointer(['querystring', target.path[0]!])
    : jsonPointer(target.path);
}

beforeAll(async () => {
  t = await startTestNode();
  officer = await t.signIn([...roles]);
  const other = await t.signIn(['investigator']);
  ids.user = (await other.get('/api/v1/me')).json().id;
  ids.agency = (
    await t.node.app.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'KNPA')
      .executeTakeFirstOrThrow()
  ).id;
  ids.case = (await officer.post('/api/v1/cases', caseBody())).json().id;
  ids.task = (await officer.post(`/api/v1/cases/${ids.case}/tasks`, { title: 'Call the embassy' })).json().id;
  ids.note = (
    await officer.post(`/api/v1/cases/${ids.case}/notes`, { body: 'Seen', language: 'en' })
  ).json().id;
  ids.entity = (
    await officer.post('/api/v1/entities', {
      type: 'person',
      properties: { names: [{ value: 'NAM GIWON', script: 'latin', kind: 'primary' }] },
      caseId: ids.case,
    })
  ).json().entity.id;
  ids.compound = (
    await officer.post('/api/v1/compounds', { name: 'Jin Bei 4', province: 'svay_rieng' })
  ).json().id;
  ids.rescueCase = (
    await officer.post('/api/v1/rescue/reports', {
      channel: 'police',
      consentToProcessing: false,
      reporter: { relation: 'other', language: 'en' },
      person: { namesLatin: ['NAM GIWON'] },
      narrative: 'Seen at Bavet',
    })
  ).json().caseId;
  expect(ids).toEqual(
    Object.fromEntries(Object.keys(ids).map((k) => [k, expect.stringMatching(/^[0-9a-f-]{36}$/)])),
  );
});
afterAll(() => t.close());

describe('odd text in any field', () => {
  it('finds the text fields of the write routes and of the queries', () => {
    const all = targets();
    const routes = new Set(all.map((target) => target.route));
    expect(routes.size).toBeGreaterThan(40);
    expect(all).toContainEqual(expect.objectContaining({ route: 'POST /api/v1/cases', path: ['title'] }));
    expect(all).toContainEqual(
      expect.objectContaining({ route: 'POST /api/v1/entities', path: ['properties', 'names', 0, 'value'] }),
    );
    expect(all).toContainEqual(expect.objectContaining({ route: 'GET /api/v1/cases', path: ['q'] }));
  });

  it('refuses NUL and a lone surrogate in each of them, naming the field', { timeout: 300_000 }, async () => {
    for (const target of targets()) {
      // A URL carries UTF-8, which has no lone surrogates: the server reads their bytes as U+FFFD.
      const texts = target.where === 'body' ? ['Bavet\u0000ring', 'Bavet\ud800ring'] : ['Bavet\u0000ring'];
      for (const text of texts) {
        const response = await send(target, text);
        const label = `${target.route} ${target.where} ${jsonPointer(target.path)} ${JSON.stringify(text)}`;
        expect(response.statusCode, label).toBe(400);
        expect(response.headers['content-type'], label).toContain('application/problem+json');
        const paths = response.json().fields.map((f: { path: string }) => f.path);
        expect(paths, label).toContain(fieldPointer(target));
      }
    }
  });

  it('keeps no bidirectional control in any text it takes', { timeout: 300_000 }, async () => {
    for (const target of targets().filter((candidate) => candidate.method !== 'GET')) {
      const response = await send(target, '\u202eBavet\u202c \u2067ring\u2069');
      const label = `${target.route} ${jsonPointer(target.path)}`;
      expect(response.statusCode, label).toBeLessThan(500);
      if (response.statusCode < 300) expect(response.body, label).not.toMatch(bidiControl);
    }
  });

  it('never answers a server error, and keeps no bidirectional override', { timeout: 300_000 }, async () => {
    const all = targets();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...all), oddText, async (target, text) => {
        const response = await send(target, text);
        const label = `${target.route} ${target.where} ${jsonPointer(target.path)} ${JSON.stringify(text.slice(0, 80))}`;
        expect(response.statusCode, label).toBeLessThan(500);
        if (response.statusCode < 300 && target.method !== 'GET') {
          expect(response.body, label).not.toMatch(bidiControl);
        }
      }),
      { numRuns: 500 },
    );
  });
});
