import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/test-client.ts';
import { startTwoAgencyNode, type TestNode } from '../../testing/test-node.ts';
import { makeCase, person, phone } from './graph-test-support.ts';

// The tombstone rule (entities/visibility.ts): a deleted entity is out of the graph. Each test deletes an entity
// and checks one place that could still list, count, traverse, link to or change it.

let t: TestNode;
let knpa: TestClient;
let cnp: TestClient;
let knpaCase: string;
let cnpCase: string;

beforeAll(async () => {
  ({ t, knpa, cnp, knpaCase, cnpCase } = await startTwoAgencyNode({
    knpa: 'Tombstones: KNPA case',
    cnp: 'Tombstones: CNP case',
  }));
});
afterAll(() => t.close());

async function entity(client: TestClient, body: object, caseId?: string) {
  const response = await client.post('/api/v1/entities', { ...body, ...(caseId && { caseId }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { entity: { id: string }; hits: { id: string }[] };
}

async function remove(client: TestClient, id: string) {
  const response = await client.delete(`/api/v1/entities/${id}`);
  expect(response.statusCode, response.body).toBe(204);
}

function link(client: TestClient, type: string, sourceId: string, targetId: string) {
  return client.post('/api/v1/links', { type, sourceId, targetId, properties: {} });
}

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('correlation', () => {
  it('takes a deleted entity out of the index: no hit and no match in the hit check', async () => {
    const mine = await entity(knpa, phone('+855 61 000 001'), knpaCase);
    await remove(knpa, mine.entity.id);
    const indexed = await t.node.app.db
      .selectFrom('identifiers')
      .select('id')
      .where('entity_id', '=', mine.entity.id)
      .execute();
    expect(indexed).toEqual([]);
    expect((await entity(cnp, phone('061 000 001'), cnpCase)).hits).toEqual([]);
    const check = (await knpa.get('/api/v1/identifiers/check?q=%2B85561000001&kind=phone')).json();
    expect(check).toMatchObject({ matchCount: 1, restrictedCount: 1, matches: [] }); // CNP's alone
  });

  it('leaves a hit naming a deleted entity out of the lists, the home page and its own page', async () => {
    await entity(knpa, phone('+855 61 000 002'), knpaCase);
    const theirs = await entity(cnp, phone('061 000 002'), cnpCase);
    const hitId = theirs.hits[0]!.id;
    expect(idsOf((await knpa.get('/api/v1/hits')).json())).toContain(hitId);
    expect(idsOf((await knpa.get('/api/v1/home')).json().hits)).toContain(hitId);
    await remove(cnp, theirs.entity.id);
    for (const query of ['', `?caseId=${knpaCase}`, `?entityId=${theirs.entity.id}`])
      expect(idsOf((await knpa.get(`/api/v1/hits${query}`)).json())).not.toContain(hitId);
    expect(idsOf((await knpa.get('/api/v1/home')).json().hits)).not.toContain(hitId);
    expect((await knpa.get(`/api/v1/hits/${hitId}`)).statusCode).toBe(404);
    const asked = await knpa.post(`/api/v1/hits/${hitId}/access-requests`, { reason: 'Who is this?' });
    expect(asked.statusCode).toBe(404);
  });

  it('drops an access request with its hit when the record asked for is deleted', async () => {
    const mine = await entity(knpa, phone('+855 61 000 003'), knpaCase);
    const theirs = await entity(cnp, phone('061 000 003'), cnpCase);
    const asked = await cnp.post(`/api/v1/hits/${theirs.hits[0]!.id}/access-requests`, {
      reason: 'Same phone as our suspect',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json().id;
    expect(idsOf((await knpa.get('/api/v1/access-requests')).json())).toContain(requestId);
    await remove(knpa, mine.entity.id);
    expect(idsOf((await knpa.get('/api/v1/access-requests')).json())).not.toContain(requestId);
    expect(idsOf((await cnp.get('/api/v1/access-requests')).json())).not.toContain(requestId);
    const decided = await knpa.post(`/api/v1/access-requests/${requestId}/decision`, { decision: 'granted' });
    expect(decided.statusCode).toBe(404);
  });
});

describe('search', () => {
  it('finds a deleted entity neither by name nor by identifier', async () => {
    const suspect = await entity(knpa, person([{ value: 'Dokgo Taekwan', script: 'latin' }]), knpaCase);
    const tel = await entity(knpa, phone('+855 61 000 004'), knpaCase);
    const found = async (q: string) =>
      idsOf((await knpa.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().entities);
    expect(await found('Dokgo Taekwan')).toContain(suspect.entity.id);
    expect(await found('061 000 004')).toContain(tel.entity.id);
    await remove(knpa, suspect.entity.id);
    await remove(knpa, tel.entity.id);
    expect(await found('Dokgo Taekwan')).not.toContain(suspect.entity.id);
    expect(await found('061 000 004')).not.toContain(tel.entity.id);
  });
});

describe('entity page and cases', () => {
  it('neither lists nor counts a deleted neighbour, visible or restricted', async () => {
    // The boss in no case (a case would decide who sees him), so making him GREEN opens him to CNP.
    const boss = await entity(knpa, person([{ value: 'Ko Sangwoo', script: 'latin' }]));
    const tel = await entity(knpa, phone('+855 61 000 005'), knpaCase);
    expect((await link(knpa, 'uses', boss.entity.id, tel.entity.id)).statusCode).toBe(201);
    // A CNP record KNPA may not see, linked by CNP to the boss (made GREEN so CNP may see him).
    await t.node.app.db
      .updateTable('entities')
      .set({ tlp: 'GREEN' })
      .where('id', '=', boss.entity.id)
      .execute();
    const hidden = await entity(cnp, phone('+855 61 000 006'), cnpCase);
    expect((await link(cnp, 'uses', boss.entity.id, hidden.entity.id)).statusCode).toBe(201);
    const before = (await knpa.get(`/api/v1/entities/${boss.entity.id}`)).json();
    expect(before.neighbours).toHaveLength(1);
    expect(before.restrictedNeighbourCount).toBe(1);
    await remove(knpa, tel.entity.id);
    await remove(cnp, hidden.entity.id);
    const after = (await knpa.get(`/api/v1/entities/${boss.entity.id}`)).json();
    expect(after.neighbours).toEqual([]);
    expect(after.restrictedNeighbourCount).toBe(0);
  });

  it('refuses to link to, place in a case or change the role of a deleted entity', async () => {
    const victim = await entity(knpa, person([{ value: 'Nam Gyuri', script: 'latin' }]), knpaCase);
    const recruiter = await entity(knpa, person([{ value: 'Bae Junseo', script: 'latin' }]), knpaCase);
    await remove(knpa, victim.entity.id);
    const linked = await link(knpa, 'recruited', recruiter.entity.id, victim.entity.id);
    expect(linked.statusCode).toBe(404);
    expect(JSON.stringify(linked.json())).toContain('/targetId');
    const otherCase = await makeCase(t.node, knpa, 'Tombstones: another case');
    const placed = await knpa.post(`/api/v1/cases/${otherCase}/entities`, { entityId: victim.entity.id });
    expect(placed.statusCode).toBe(404);
    const role = await knpa.post(`/api/v1/cases/${knpaCase}/entities/${victim.entity.id}/role`, {
      role: 'victim',
      reason: 'Confirmed by the family',
    });
    expect(role.statusCode).toBe(404);
    const members = (await knpa.get(`/api/v1/cases/${knpaCase}/entities`)).json();
    expect(members.map((m: { entity: { id: string } }) => m.entity.id)).not.toContain(victim.entity.id);
  });
});

describe('link chart', () => {
  async function chain(prefix: string) {
    const [a, b, c] = await Promise.all(
      ['Alpha', 'Bravo', 'Charlie'].map(
        async (name) =>
          (await entity(knpa, person([{ value: `${prefix} ${name}`, script: 'latin' }]), knpaCase)).entity.id,
      ),
    );
    expect((await link(knpa, 'associate_of', a!, b!)).statusCode).toBe(201);
    expect((await link(knpa, 'associate_of', b!, c!)).statusCode).toBe(201);
    return [a!, b!, c!] as const;
  }

  it('neither shows nor crosses a deleted entity when expanding, finding a path or analysing', async () => {
    const [a, b, c] = await chain('Chart');
    const expanded = async () =>
      idsOf((await knpa.get(`/api/v1/graph/expand?ids=${a}&hops=2`)).json().nodes).sort();
    expect(await expanded()).toEqual([a, b, c].sort());
    expect((await knpa.get(`/api/v1/graph/path?from=${a}&to=${c}`)).json().found).toBe(true);
    await remove(knpa, b);
    expect(await expanded()).toEqual([a]);
    expect((await knpa.get(`/api/v1/graph/path?from=${a}&to=${c}`)).json()).toMatchObject({ found: false });
    expect((await knpa.get(`/api/v1/graph/expand?ids=${b}`)).statusCode).toBe(404);
    const analysed = (await knpa.post('/api/v1/graph/analyse', { nodeIds: [a, b, c] })).json();
    expect(Object.keys(analysed.communities).sort()).toEqual([a, c].sort());
  });

  it('shows and counts only live entities of a saved chart, so it still opens', async () => {
    const [a, b, c] = await chain('Saved');
    const saved = await knpa.post('/api/v1/charts', {
      name: 'Tombstone ring',
      nodeIds: [a, b, c],
      positions: { [a]: { x: 0, y: 0 }, [b]: { x: 1, y: 1 } },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    await remove(knpa, b);
    const chart = (await knpa.get(`/api/v1/charts/${saved.json().id}`)).json();
    expect(chart.nodeIds).toEqual([a, c]);
    expect(Object.keys(chart.positions)).toEqual([a]);
    const listed = (await knpa.get('/api/v1/charts')).json().find((x: { id: string }) => x.id === chart.id);
    expect(listed.nodeIds).toEqual([a, c]);
    expect((await knpa.get(`/api/v1/graph/expand?ids=${chart.nodeIds.join(',')}`)).statusCode).toBe(200);
  });
});

describe('person matching', () => {
  const twin = (name: string) =>
    person([{ value: name, script: 'latin' }], { birthDate: '1979-11-23', nationalities: ['KR'] });

  it('offers no deleted person as a candidate and refuses a decision on one', async () => {
    const a = (await entity(knpa, twin('YANG DONGHYUN'), knpaCase)).entity.id;
    const b = (await entity(knpa, twin('YANG DONG HYUN'), knpaCase)).entity.id;
    const candidates = async () =>
      (await knpa.get(`/api/v1/entities/${a}/person-candidates`))
        .json()
        .map((c: { entity: { id: string } }) => c.entity.id);
    expect(await candidates()).toContain(b);
    await remove(knpa, b);
    expect(await candidates()).not.toContain(b);
    const decided = await knpa.post('/api/v1/person-matches', {
      entityId: a,
      candidateId: b,
      decision: 'rejected',
      reason: 'Not him',
    });
    expect(decided.statusCode).toBe(404);
  });

  it('does not let a same_as chain through a deleted person refuse a new link', async () => {
    const [a, b, c] = await Promise.all(
      ['SEO JIHOON', 'SEO JI HOON', 'SEO JEE HOON'].map(
        async (name) => (await entity(knpa, twin(name), knpaCase)).entity.id,
      ),
    );
    expect((await link(knpa, 'same_as', a!, b!)).statusCode).toBe(201);
    expect((await link(knpa, 'same_as', b!, c!)).statusCode).toBe(201);
    expect((await link(knpa, 'same_as', a!, c!)).statusCode).toBe(409);
    await remove(knpa, b!);
    const joined = await link(knpa, 'same_as', a!, c!);
    expect(joined.statusCode, joined.body).toBe(201);
  });
});
