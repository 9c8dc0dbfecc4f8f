import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/test-client.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { makeCase, person, phone } from './graph-test-support.ts';

let t: TestNode;
let knpa: TestClient;
let cnp: TestClient;
let knpaCase: string;
let cnpCase: string;

async function entity(client: TestClient, body: object, caseId?: string) {
  const response = await client.post('/api/v1/entities', { ...body, ...(caseId && { caseId }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { entity: { id: string; version: number }; hits: { id: string }[] };
}

function patch(client: TestClient, id: string, body: object, version?: number) {
  return client.request({
    method: 'PATCH',
    url: `/api/v1/entities/${id}`,
    payload: body as never,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });
}

async function audited(action: string, recordId: string) {
  return t.node.app.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('action', '=', action)
    .where('record_id', '=', recordId)
    .execute();
}

const hitIds = async (client: TestClient, query: string) =>
  ((await client.get(`/api/v1/hits?${query}`)).json() as { id: string }[]).map((h) => h.id);

beforeAll(async () => {
  t = await startTestNode();
  knpa = await t.signIn(['investigator'], 'KNPA');
  cnp = await t.signIn(['investigator'], 'CNP');
  knpaCase = await makeCase(t.node, knpa, 'Call centre in Sihanoukville');
  cnpCase = await makeCase(t.node, cnp, 'Mule accounts');
});
afterAll(() => t.close());

describe('editing an entity', () => {
  it('re-indexes identifiers: the new number correlates, the old one leaves the index', async () => {
    const mine = await entity(knpa, phone('+855 11 222 333'), knpaCase);
    await entity(cnp, phone('+855 99 888 777'), cnpCase);
    const edited = await patch(knpa, mine.entity.id, { properties: { number: '099 888 777' } }, 1);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json().entity).toMatchObject({ version: 2, caption: expect.stringContaining('99') });
    expect(edited.json().hits).toHaveLength(1);
    const page = (await knpa.get(`/api/v1/entities/${mine.entity.id}`)).json();
    expect(page.identifiers.map((i: { value: string }) => i.value)).toEqual(['+85599888777']);
    // The old number is no longer carried: entering it elsewhere raises nothing.
    expect((await entity(cnp, phone('+855 11 222 333'), cnpCase)).hits).toEqual([]);
    // An edit that keeps the number raises no second hit.
    const again = await patch(knpa, mine.entity.id, { properties: { number: '+85599888777' }, version: 2 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().hits).toEqual([]);
    const audit = await audited('entity.updated', mine.entity.id);
    expect(audit).toHaveLength(2);
    expect(audit[0]!.details).toMatchObject({ identifiersAdded: 1, identifiersRemoved: 1, versionBefore: 1 });
  });

  it('refuses a stale version (409), a missing version, a change of type and invalid properties', async () => {
    const mine = await entity(knpa, person([{ value: 'Kim Jisoo', script: 'latin' }]), knpaCase);
    const body = { properties: { names: [{ kind: 'primary', value: 'Kim Ji-soo', script: 'latin' }] } };
    expect((await patch(knpa, mine.entity.id, body, 1)).statusCode).toBe(200);
    const stale = await patch(knpa, mine.entity.id, body, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect((await patch(knpa, mine.entity.id, body)).statusCode).toBe(400);
    expect((await patch(knpa, mine.entity.id, { ...body, type: 'phone' }, 2)).statusCode).toBe(400);
    const bad = await patch(
      knpa,
      mine.entity.id,
      { properties: { ...body.properties, birthDate: '2999-01-01' } },
      2,
    );
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('/properties/birthDate');
    expect((await knpa.get(`/api/v1/entities/${mine.entity.id}`)).json().entity.version).toBe(2);
  });

  it('lets no other agency change or delete it: 404 when unseen, 403 when seen but not theirs', async () => {
    // In no case: in a KNPA case, the case would decide who sees it (and hold it at the case's TLP).
    const mine = await entity(knpa, phone('+855 10 101 010'));
    const body = { properties: { number: '+855 10 101 011' } };
    expect((await patch(cnp, mine.entity.id, body, 1)).statusCode).toBe(404);
    expect((await cnp.delete(`/api/v1/entities/${mine.entity.id}`)).statusCode).toBe(404);
    await t.node.app.db
      .updateTable('entities')
      .set({ tlp: 'GREEN' })
      .where('id', '=', mine.entity.id)
      .execute();
    expect((await cnp.get(`/api/v1/entities/${mine.entity.id}`)).statusCode).toBe(200);
    expect((await patch(cnp, mine.entity.id, body, 1)).statusCode).toBe(403);
    expect((await cnp.delete(`/api/v1/entities/${mine.entity.id}`)).statusCode).toBe(403);
    expect((await knpa.get(`/api/v1/entities/${mine.entity.id}`)).json().entity.version).toBe(1);
  });
});

describe('deleting an entity', () => {
  it('tombstones it: hidden from the entity page, the case and the hits; audited', async () => {
    const mine = await entity(knpa, phone('+855 77 000 111'), knpaCase);
    const theirs = await entity(cnp, phone('077 000 111'), cnpCase);
    const hitId = theirs.hits[0]!.id;
    expect(await hitIds(knpa, `caseId=${knpaCase}`)).toContain(hitId);
    const url = `/api/v1/entities/${mine.entity.id}`;
    const stale = await knpa.request({ method: 'DELETE', url, headers: { 'if-match': '"7"' } });
    expect(stale.statusCode).toBe(409);
    expect((await knpa.delete(`${url}?version=5`)).statusCode).toBe(409);
    const gone = await knpa.request({
      method: 'DELETE',
      url: `${url}?reason=entered+twice`,
      headers: { 'if-match': '"1"' },
    });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await knpa.get(url)).statusCode).toBe(404);
    expect((await knpa.delete(url)).statusCode).toBe(404);
    const members = (await knpa.get(`/api/v1/cases/${knpaCase}/entities`)).json();
    expect(members.map((m: { entity: { id: string } }) => m.entity.id)).not.toContain(mine.entity.id);
    expect(await hitIds(knpa, `caseId=${knpaCase}`)).not.toContain(hitId);
    expect(await hitIds(cnp, `caseId=${cnpCase}`)).not.toContain(hitId);
    expect(await hitIds(cnp, `entityId=${theirs.entity.id}`)).toEqual([]);
    // The row stays (hits and audit still point at it); its identifiers left the index.
    const row = await t.node.app.db
      .selectFrom('entities')
      .select(['deleted_at', 'version'])
      .where('id', '=', mine.entity.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    // None: theirs shares the case (no hit within a case), and mine left the index.
    expect((await entity(cnp, phone('+855 77 000 111'), cnpCase)).hits).toEqual([]);
    const audit = await audited('entity.deleted', mine.entity.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ reason: 'entered twice', caseIds: [knpaCase] });
  });
});

describe('deleting a link and removing from a case', () => {
  it('deletes a link only for the agency that made it', async () => {
    const boss = await entity(knpa, person([{ value: 'Lee Boss', script: 'latin' }]), knpaCase);
    const tel = await entity(knpa, phone('+855 16 555 444'), knpaCase);
    const made = await knpa.post('/api/v1/links', {
      type: 'uses',
      sourceId: boss.entity.id,
      targetId: tel.entity.id,
      properties: {},
    });
    expect(made.statusCode, made.body).toBe(201);
    const linkId = made.json().id;
    expect((await cnp.delete(`/api/v1/links/${linkId}`)).statusCode).toBe(404);
    expect((await knpa.delete(`/api/v1/links/${linkId}`)).statusCode).toBe(204);
    expect((await knpa.delete(`/api/v1/links/${linkId}`)).statusCode).toBe(404);
    expect((await knpa.get(`/api/v1/entities/${boss.entity.id}`)).json().neighbours).toEqual([]);
    expect(await audited('link.deleted', linkId)).toHaveLength(1);
  });

  it('removes an entity from a case, keeping the entity', async () => {
    const victim = await entity(knpa, person([{ value: 'Park Minho', script: 'latin' }]), knpaCase);
    const url = `/api/v1/cases/${knpaCase}/entities/${victim.entity.id}`;
    expect((await cnp.delete(url)).statusCode).toBe(404);
    expect((await knpa.delete(url)).statusCode).toBe(204);
    expect((await knpa.delete(url)).statusCode).toBe(404);
    const members = (await knpa.get(`/api/v1/cases/${knpaCase}/entities`)).json();
    expect(members.map((m: { entity: { id: string } }) => m.entity.id)).not.toContain(victim.entity.id);
    const page = (await knpa.get(`/api/v1/entities/${victim.entity.id}`)).json();
    expect(page.cases).toEqual([]);
    const audit = await t.node.app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.entity-removed')
      .where('record_id', '=', knpaCase)
      .execute();
    expect(audit).toHaveLength(1);
  });
});
