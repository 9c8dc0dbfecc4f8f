import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, phone } from '../graph/entities/graph-test-support.ts';
import { createTestRescueReport } from '../testing/factories.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

// Hits without noise: records of one case never hit each other (issue 16).

let t: TestNode;
let knpa: TestClient;
let cnp: TestClient;
let caseA: string;
let caseB: string;

beforeAll(async () => {
  t = await startTestNode();
  knpa = await t.signIn(['investigator'], 'KNPA');
  cnp = await t.signIn(['investigator'], 'CNP');
  caseA = await makeCase(t.node, knpa, 'Five spellings of one phone');
  caseB = await makeCase(t.node, cnp, 'The same phone elsewhere');
});
afterAll(() => t.close());

const spellings = ['+855 97 612 3456', '+855976123456', '0976123456', '097 612 3456', '(+855) 97-612-3456'];

describe('hits between records of one case', () => {
  it('raises none when one case enters the same phone five times, in five spellings', async () => {
    for (const spelling of spellings) {
      const created = await knpa.post('/api/v1/entities', { ...phone(spelling), caseId: caseA });
      expect(created.statusCode).toBe(201);
      expect(created.json().identifiers[0]).toMatchObject({ value: '+855976123456' });
      expect(created.json().hits).toEqual([]);
    }
    expect((await knpa.get(`/api/v1/hits?caseId=${caseA}`)).json()).toEqual([]);
    const stored = await t.node.app.db
      .selectFrom('hits')
      .select('id')
      .where('value', '=', '+855976123456')
      .execute();
    expect(stored).toEqual([]);
  });

  it('still raises hits from another case, and a pasted batch in one case raises none among itself', async () => {
    const other = await cnp.post('/api/v1/entities', { ...phone('+855 97 612 3456'), caseId: caseB });
    expect(other.json().hits.length).toBeGreaterThan(0);
    const caseC = await makeCase(t.node, knpa, 'A pasted batch');
    const bulk = await knpa.post(`/api/v1/cases/${caseC}/entities/bulk`, {
      entities: [phone('+855 88 123 4567'), phone('088 123 4567')],
    });
    expect(bulk.statusCode).toBe(201);
    expect(bulk.json().flatMap((e: { hits: unknown[] }) => e.hits)).toEqual([]);
  });

  it('drops from the lists a hit whose two records are later placed in one case', async () => {
    const caseD = await makeCase(t.node, knpa, 'A second case of the same team');
    const x = await knpa.post('/api/v1/entities', { ...phone('+855 12 777 888'), caseId: caseA });
    const y = await knpa.post('/api/v1/entities', { ...phone('012 777 888'), caseId: caseD });
    expect(y.json().hits).toHaveLength(1);
    const listed = async () => (await knpa.get(`/api/v1/hits?caseId=${caseD}`)).json() as unknown[];
    expect(await listed()).toHaveLength(1);
    const added = await knpa.post(`/api/v1/cases/${caseD}/entities`, { entityId: x.json().entity.id });
    expect(added.statusCode, added.body).toBeLessThan(300);
    expect(await listed()).toEqual([]);
  });

  it('raises none between two identifiers of one rescue report', async () => {
    // The filing officer joins the report's team, so sees its records.
    const liaison = await t.signInAs(['liaison_officer'], 'KNPA');
    const report = await createTestRescueReport(t.node.app, liaison.actor, {
      narrative: 'He calls from +855 97 111 2222 at night; the broker uses +855 97 111 2222 too.',
      person: { namesHangul: ['김민준'], phone: '+855 97 111 2222', telegram: '@minjun99' },
    });
    const rescueCaseId = report.caseId;
    const entities = await t.node.app.db
      .selectFrom('rescue_entities')
      .select('entity_id')
      .where('rescue_case_id', '=', rescueCaseId)
      .execute();
    const ids = entities.map((e) => e.entity_id);
    expect(ids.length).toBeGreaterThan(0);
    const within = await t.node.app.db
      .selectFrom('hits')
      .select('id')
      .where('entity_id', 'in', ids)
      .where('matched_entity_id', 'in', ids)
      .execute();
    expect(within).toEqual([]);
  });
});

describe('the same identifier entered again', () => {
  it('offers the entity already carrying it, in this case and elsewhere, instead of a duplicate', async () => {
    const text = 'Call +855 97 612 3456 or 012 777 888; new: +855 96 555 0101';
    const found = await knpa.post('/api/v1/extract', { text, caseId: caseA });
    expect(found.statusCode).toBe(200);
    const byValue = new Map(
      found
        .json()
        .map((f: { identifier: { value: string }; existing: unknown[] }) => [f.identifier.value, f.existing]),
    );
    const inCase = byValue.get('+855976123456') as { inCase: boolean; caseNumber: string }[];
    expect(inCase.length).toBeGreaterThan(0);
    expect(inCase.length).toBeLessThanOrEqual(5);
    expect(inCase[0]).toMatchObject({ inCase: true, type: 'phone' });
    expect(byValue.get('+855965550101')).toEqual([]);
    // Elsewhere: in another case of the agency, named by its case number.
    const caseE = await makeCase(t.node, knpa, 'A third case');
    const elsewhere = (await knpa.post('/api/v1/extract', { text, caseId: caseE })).json();
    const carriers = elsewhere.find(
      (f: { identifier: { value: string } }) => f.identifier.value === '+85512777888',
    ).existing as { inCase: boolean; caseNumber: string | null }[];
    expect(carriers.length).toBeGreaterThan(0);
    expect(carriers.every((c) => !c.inCase && c.caseNumber?.startsWith('KNPA-'))).toBe(true);
    // CNP sees none of KNPA's records.
    const theirs = (await cnp.post('/api/v1/extract', { text: '+855 12 777 888' })).json();
    expect(theirs[0].existing).toEqual([]);
    // A case the reader may not see is refused, not described.
    expect((await cnp.post('/api/v1/extract', { text, caseId: caseA })).statusCode).toBe(404);
  });
});

describe('a record from a rescue report', () => {
  it('names its rescue case on the hit for the rescue team, and nothing of it to others', async () => {
    const wallet = 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC';
    // The filing officer joins the report's team, so sees its records.
    const liaison = await t.signInAs(['liaison_officer'], 'KNPA');
    const report = await createTestRescueReport(t.node.app, liaison.actor, {
      narrative: 'The broker wants the ransom in USDT.',
      ransom: { amount: 9000, currency: 'USDT', wallet },
    });
    const caseF = await makeCase(t.node, knpa, 'Ransom wallets');
    const created = await knpa.post('/api/v1/entities', {
      type: 'crypto_wallet',
      properties: { address: wallet, chain: 'tron' },
      caseId: caseF,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().hits).toHaveLength(1);
    const reference = (
      await t.node.app.db
        .selectFrom('rescue_cases')
        .select('reference')
        .where('id', '=', report.caseId)
        .executeTakeFirstOrThrow()
    ).reference;
    const hitId = created.json().hits[0].id;
    const hit = (await liaison.client.get(`/api/v1/hits/${hitId}`)).json();
    const rescueSide = hit.sides.find(
      (s: { case?: unknown; restricted: boolean }) => !s.restricted && !s.case,
    );
    expect(rescueSide).toMatchObject({ case: null, rescueCase: { id: report.caseId, reference } });
    // The case's investigator, outside the rescue team, learns only that a restricted record matches.
    const theirs = (await knpa.get(`/api/v1/hits/${hitId}`)).json();
    expect(JSON.stringify(theirs)).not.toContain(reference);
  });
});
