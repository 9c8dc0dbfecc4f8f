import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/test-client.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { makeCase, person, phone } from './graph-test-support.ts';

let t: TestNode;
let knpa: TestClient;
let cnp: TestClient;
let knpaCase: string;
const ids: Record<string, string> = {};

async function entity(client: TestClient, body: object, caseId?: string): Promise<string> {
  const response = await client.post('/api/v1/entities', { ...body, ...(caseId && { caseId }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().entity.id;
}

async function link(
  client: TestClient,
  type: string,
  sourceId: string,
  targetId: string,
  extra: object = {},
) {
  const response = await client.post('/api/v1/links', { type, sourceId, targetId, properties: {}, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  t = await startTestNode();
  knpa = await t.signIn(['analyst'], 'KNPA');
  cnp = await t.signIn(['investigator'], 'CNP');
  knpaCase = await makeCase(t.node, knpa, 'Bavet compound ring');
  // A small ring: boss leads the compound; two recruiters use phones; a mule account; a CNP-only record.
  ids.boss = await entity(
    knpa,
    person(
      [
        { value: '한복남', script: 'hangul' },
        { value: 'HAN BOKNAM', script: 'latin', kind: 'romanised' },
      ],
      { birthDate: '1985-03-02', nationalities: ['KR'] },
    ),
    knpaCase,
  );
  ids.compound = await entity(
    knpa,
    { type: 'compound', properties: { name: 'Golden Fortune', province: 'svay_rieng' } },
    knpaCase,
  );
  ids.recruiter = await entity(knpa, person([{ value: 'Sok Dara', script: 'latin' }]), knpaCase);
  ids.phone = await entity(knpa, phone('+855 12 345 679'), knpaCase);
  ids.victim = await entity(
    knpa,
    person([{ value: '이영수', script: 'hangul' }], { birthDate: '2001-07-15' }),
    knpaCase,
  );
  ids.hidden = await entity(cnp, person([{ value: 'Chan Vanna', script: 'latin' }]));
  await link(knpa, 'leads', ids.boss!, ids.compound!);
  await link(knpa, 'works_at', ids.recruiter!, ids.compound!, {
    validFrom: '2025-06-01',
    validTo: '2025-09-30',
  });
  await link(knpa, 'uses', ids.recruiter!, ids.phone!);
  await link(knpa, 'recruited', ids.recruiter!, ids.victim!);
});
afterAll(() => t.close());

describe('entity page', () => {
  it('shows the entity with its visible cases, roles and neighbours', async () => {
    const page = (await knpa.get(`/api/v1/entities/${ids.recruiter}`)).json();
    expect(page.entity).toMatchObject({ type: 'person', caption: 'Sok Dara', ownerAgency: 'KNPA' });
    expect(page.cases.map((c: { id: string }) => c.id)).toEqual([knpaCase]);
    expect(page.neighbours).toHaveLength(3);
    expect((await cnp.get(`/api/v1/entities/${ids.recruiter}`)).statusCode).toBe(404);
  });

  it('changes a person role only with a reason, keeping history', async () => {
    const url = `/api/v1/cases/${knpaCase}/entities/${ids.victim}/role`;
    expect((await knpa.post(url, { role: 'victim', reason: '' })).statusCode).toBe(400);
    expect((await knpa.post(url, { role: 'victim', reason: 'Rescued from the compound' })).statusCode).toBe(
      200,
    );
    const changed = (
      await knpa.post(url, { role: 'suspect', reason: 'Ran chats for the ring after release' })
    ).json();
    expect(changed.role).toBe('suspect');
    expect(changed.history.map((h: { role: string }) => h.role)).toEqual(['victim', 'suspect']);
  });
});

describe('link chart', () => {
  it('expands two hops with type and time filters', async () => {
    const all = (await knpa.get(`/api/v1/graph/expand?ids=${ids.boss}&hops=2`)).json();
    expect(all.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [ids.boss, ids.compound, ids.recruiter].sort(),
    );
    const three = (
      await knpa.get(`/api/v1/graph/expand?ids=${ids.boss}&hops=3&types=compound,person`)
    ).json();
    expect(three.nodes.map((n: { id: string }) => n.id)).not.toContain(ids.phone);
    expect(three.nodes.map((n: { id: string }) => n.id)).toContain(ids.victim);
    const later = (await knpa.get(`/api/v1/graph/expand?ids=${ids.boss}&hops=2&from=2026-01-01`)).json();
    expect(later.nodes.map((n: { id: string }) => n.id)).not.toContain(ids.recruiter);
  });

  it('finds the shortest path and never crosses what the user may not see', async () => {
    const path = (await knpa.get(`/api/v1/graph/path?from=${ids.boss}&to=${ids.phone}`)).json();
    expect(path.found).toBe(true);
    expect(path.nodes.map((n: { id: string }) => n.id)).toEqual([
      ids.boss,
      ids.compound,
      ids.recruiter,
      ids.phone,
    ]);
    expect(path.edges).toHaveLength(3);
    expect((await knpa.get(`/api/v1/graph/path?from=${ids.boss}&to=${ids.hidden}`)).statusCode).toBe(404);
  });

  it('computes communities and central nodes, and saves and lists a chart', async () => {
    const nodeIds = [ids.boss, ids.compound, ids.recruiter, ids.phone, ids.victim];
    const analysis = (await knpa.post('/api/v1/graph/analyse', { nodeIds, top: 3 })).json();
    expect(Object.keys(analysis.communities)).toHaveLength(5);
    expect(analysis.central[0].id).toBe(ids.recruiter);
    const saved = await knpa.post('/api/v1/charts', {
      name: 'Bavet ring',
      nodeIds,
      positions: { [ids.boss!]: { x: 10, y: 20 } },
    });
    expect(saved.statusCode).toBe(201);
    const list = (await knpa.get('/api/v1/charts')).json();
    expect(list[0]).toMatchObject({ name: 'Bavet ring', nodeIds });
    expect((await cnp.get(`/api/v1/charts/${saved.json().id}`)).statusCode).toBe(404);
  });
});

describe('search', () => {
  it('finds an identifier written in another format', async () => {
    const result = (await knpa.get(`/api/v1/search?q=${encodeURIComponent('012 345 679')}`)).json();
    expect(result.entities[0]).toMatchObject({ id: ids.phone, match: { kind: 'identifier' } });
  });

  it('finds a person by a name in another script', async () => {
    const latin = (await knpa.get(`/api/v1/search?q=${encodeURIComponent('HAN BOKNAM')}`)).json();
    expect(latin.entities.map((e: { id: string }) => e.id)).toContain(ids.boss);
    const victim = (await knpa.get(`/api/v1/search?q=${encodeURIComponent('LEE YOUNGSOO')}`)).json();
    expect(victim.entities.map((e: { id: string }) => e.id)).toContain(ids.victim);
  });

  it('finds cases by title and returns only what the user may see', async () => {
    const result = (await knpa.get('/api/v1/search?q=Bavet')).json();
    expect(result.cases.map((c: { id: string }) => c.id)).toContain(knpaCase);
    const theirs = (await cnp.get('/api/v1/search?q=Bavet')).json();
    expect(theirs.cases).toEqual([]);
    expect((await cnp.get('/api/v1/search?q=Sok%20Dara')).json().entities).toEqual([]);
  });

  it('filters by type and agency', async () => {
    const result = (await knpa.get('/api/v1/search?q=Golden&type=person')).json();
    expect(result.entities).toEqual([]);
    expect((await knpa.get('/api/v1/search?q=Golden&agency=KNPA')).json().entities).toHaveLength(1);
  });
});

describe('person matching', () => {
  it('offers candidates with reasons, and remembers a confirmation as a same_as link', async () => {
    const other = await entity(
      knpa,
      person([{ value: 'HAN BOK NAM', script: 'latin' }], { birthDate: '1985-03-02', nationalities: ['KR'] }),
    );
    const candidates = (await knpa.get(`/api/v1/entities/${other}/person-candidates`)).json();
    expect(candidates[0].entity.id).toBe(ids.boss);
    expect(candidates[0].reasons.some((r: { factor: string }) => r.factor === 'birth-date')).toBe(true);
    const confirmed = await knpa.post('/api/v1/person-matches', {
      entityId: other,
      candidateId: ids.boss,
      decision: 'confirmed',
      reason: 'Same birth date and name',
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().linkId).toBeTruthy();
    const again = (await knpa.get(`/api/v1/entities/${other}/person-candidates`)).json();
    expect(again[0].decision).toMatchObject({ decision: 'confirmed' });
    expect(
      (
        await knpa.post('/api/v1/person-matches', {
          entityId: ids.boss,
          candidateId: other,
          decision: 'rejected',
          reason: 'changed mind',
        })
      ).statusCode,
    ).toBe(409);
    const audit = await t.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'person-match.confirmed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('remembers a rejection', async () => {
    const other = await entity(
      knpa,
      person([{ value: 'Sok Dara', script: 'latin' }], { birthDate: '1990-01-01' }),
    );
    const rejected = await knpa.post('/api/v1/person-matches', {
      entityId: other,
      candidateId: ids.recruiter,
      decision: 'rejected',
      reason: 'Different man, common name',
    });
    expect(rejected.statusCode).toBe(201);
    expect(rejected.json().linkId).toBeNull();
  });
});
