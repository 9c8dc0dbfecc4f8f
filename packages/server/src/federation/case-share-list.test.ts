import type { CaseShareView } from '@liaison/core/exchange/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { TestClient } from '../testing/test-client.ts';
import { type FederatedTestNode, startPeeredPair, syncPair } from './testing.ts';

// GET /api/v1/exchange/case-shares?caseId=…: a case's shares as the case page lists them, on both nodes.

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: TestClient;
let chan: TestClient;

const markings = {
  legalBasis: { kind: 'police_cooperation', reference: 'KNPA-CNP MoU 2024' },
  purpose: 'Joint investigation of a voice-phishing ring',
  sourceReliability: 'B',
  informationAccuracy: '2',
};

const sharesOf = async (client: TestClient, caseId: string) => {
  const response = await client.get(`/api/v1/exchange/case-shares?caseId=${caseId}`);
  return { status: response.statusCode, shares: response.json() as CaseShareView[] };
};

async function newCase(title: string): Promise<string> {
  const created = await kim.post('/api/v1/cases', caseBody({ title }));
  expect(created.statusCode).toBe(201);
  const caseId: string = created.json().id;
  const task = await kim.post(`/api/v1/cases/${caseId}/tasks`, { title: 'Trace the mule accounts' });
  expect(task.statusCode).toBe(201);
  return caseId;
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await knpa.signIn(['investigator'], 'KNPA');
  chan = await cnp.signIn(['investigator'], 'CNP');
});
afterAll(async () => {
  await knpa?.node.http.close();
  await cnp?.node.http.close();
  await knpa?.close();
  await cnp?.close();
});

describe('listing a case’s shares', () => {
  it('lists the share as origin/active on the sharing node and as a mirror on the peer, then retracted', async () => {
    const caseId = await newCase('Bavet compound (share list)');
    expect(await sharesOf(kim, caseId)).toEqual({ status: 200, shares: [] });

    const shared = await kim.post('/api/v1/exchange/case-shares', {
      caseId,
      peer: 'cnp',
      scope: ['tasks', 'notes'],
      markings,
      categories: ['suspect_personal_data'],
    });
    expect(shared.statusCode).toBe(201);
    const queued = (await sharesOf(kim, caseId)).shares;
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      caseId,
      peer: 'cnp',
      peerAgency: 'CNP',
      peerCountry: 'KH',
      role: 'origin',
      state: 'active',
      scope: ['tasks', 'notes'],
      categories: ['suspect_personal_data'],
      markings: {
        originAgency: 'KNPA',
        tlp: 'AMBER',
        handlingCode: 'H1',
        legalBasis: markings.legalBasis,
        purpose: markings.purpose,
        sourceReliability: 'B',
        informationAccuracy: '2',
      },
      sharedBy: expect.stringContaining('@knpa.test'),
      retractedAt: null,
      delivery: { state: 'queued', error: null },
    });

    await syncPair(knpa, cnp);
    const [origin] = (await sharesOf(kim, caseId)).shares;
    expect(origin?.delivery).toEqual({ state: 'delivered', error: null });
    const mirrored = await sharesOf(chan, caseId);
    expect(mirrored.status).toBe(200);
    expect(mirrored.shares).toHaveLength(1);
    expect(mirrored.shares[0]).toMatchObject({
      caseId,
      peer: 'knpa',
      peerAgency: 'KNPA',
      role: 'mirror',
      state: 'active',
      scope: ['tasks', 'notes'],
      sharedBy: 'KNPA',
      markings: { originAgency: 'KNPA', purpose: markings.purpose },
      delivery: null,
    });
    // The receiving rules' retention obligation (KH: three years by default) and its date.
    expect(mirrored.shares[0]?.retainUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mirrored.shares[0]?.obligations).toContainEqual(expect.objectContaining({ kind: 'retain_until' }));

    const retracted = await kim.delete(`/api/v1/exchange/case-shares/${caseId}/cnp`);
    expect(retracted.statusCode).toBe(204);
    const [after] = (await sharesOf(kim, caseId)).shares;
    expect(after).toMatchObject({ role: 'origin', state: 'retracted', delivery: null });
    expect(after?.retractedAt).not.toBeNull();
    await syncPair(knpa, cnp);
    // The peer removed its mirror: the case is gone there, so is its share list (the tombstone stays in SQL).
    expect((await sharesOf(chan, caseId)).status).toBe(404);
    const tombstone = await cnp.node.app.db
      .selectFrom('case_shares')
      .select('state')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(tombstone.state).toBe('retracted');
  });

  it('answers 404 to a user who may not see the case, and to an unknown case', async () => {
    const caseId = await newCase('Share list visibility');
    const outsider = await knpa.signIn(['investigator'], 'CNP');
    const refused = await outsider.get(`/api/v1/exchange/case-shares?caseId=${caseId}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('not-found');
    const unknown = await kim.get('/api/v1/exchange/case-shares?caseId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect((await kim.get('/api/v1/exchange/case-shares?caseId=nope')).statusCode).toBe(400);
  });

  it('explains a refusal by the sender’s rules and lists nothing for it', async () => {
    const caseId = await newCase('Share list refusal');
    const refused = await kim.post('/api/v1/exchange/case-shares', {
      caseId,
      peer: 'cnp',
      scope: ['tasks'],
      markings,
      categories: ['intelligence_source'],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'policy-blocked' });
    expect(refused.json().detail).toContain('KR-OUT-003');
    expect((await sharesOf(kim, caseId)).shares).toEqual([]);
  });
});
