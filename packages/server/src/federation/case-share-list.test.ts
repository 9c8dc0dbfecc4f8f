import type { CaseShareView } from '@liaison/core/exchange/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import type { TestClient } from '../testing/test-client.ts';
import { deliverPending } from './delivery.ts';
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
  it('tells the sharing agency live when the peer stored the share, after the commit', async () => {
    const caseId = await newCase('Share list live delivery');
    const events: LiveEvent[] = [];
    const unsubscribe = knpa.node.app.events.subscribe((event) => events.push(event));
    const shared = await kim.post('/api/v1/exchange/case-shares', {
      caseId,
      peer: 'cnp',
      scope: ['tasks'],
      markings,
    });
    expect(shared.statusCode).toBe(201);
    await deliverPending(knpa.node.app);
    // On PostgreSQL the event comes back through LISTEN/NOTIFY, a moment after it was published.
    await expect
      .poll(() => events.filter((e) => e.type === 'exchange.case-share'))
      .toEqual([
        {
          type: 'exchange.case-share',
          audience: { agencyCodes: ['KNPA'], permission: 'cases.read' },
          payload: { caseId, peer: 'cnp', state: 'delivered' },
        },
      ]);
    unsubscribe();
    // By then the list says so too.
    expect((await sharesOf(kim, caseId)).shares[0]?.delivery).toEqual({ state: 'delivered', error: null });
  });

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

  it('records who shared it again after a retraction and when; the peer rebuilds its mirror from the new share', async () => {
    const caseId = await newCase('Share list re-share');
    const share = (client: TestClient, purpose: string, scope: string[]) =>
      client.post('/api/v1/exchange/case-shares', {
        caseId,
        peer: 'cnp',
        scope,
        markings: { ...markings, purpose },
      });
    expect((await share(kim, markings.purpose, ['tasks', 'notes'])).statusCode).toBe(201);
    await syncPair(knpa, cnp);
    const [first] = (await sharesOf(kim, caseId)).shares;
    expect((await kim.delete(`/api/v1/exchange/case-shares/${caseId}/cnp`)).statusCode).toBe(204);
    await syncPair(knpa, cnp);
    expect((await sharesOf(chan, caseId)).status).toBe(404);

    // While retracted, the case goes on at KNPA: nothing of it travels.
    const added = await kim.post(`/api/v1/cases/${caseId}/tasks`, { title: 'Freeze the wallets' });
    expect(added.statusCode).toBe(201);
    const lee = await knpa.signIn(['investigator'], 'KNPA');
    const before = Date.now();
    expect((await share(lee, 'Prosecution of the ring leaders', ['tasks'])).statusCode).toBe(201);
    const [again] = (await sharesOf(kim, caseId)).shares;
    expect(again).toMatchObject({
      id: first?.id,
      state: 'active',
      scope: ['tasks'],
      markings: { purpose: 'Prosecution of the ring leaders' },
      sharedBy: expect.stringContaining('investigator@knpa.test'),
      retractedAt: null,
      delivery: { state: 'queued', error: null },
    });
    expect(again?.sharedBy).not.toBe(first?.sharedBy);
    expect(Date.parse(again?.sharedAt ?? '')).toBeGreaterThanOrEqual(before);
    // Each decision stays in the audit log with its officer.
    const history = await knpa.node.app.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['action', 'users.display_name'])
      .where('record_type', '=', 'case')
      .where('record_id', '=', caseId)
      .where('action', 'in', ['case.shared', 'case.share_retracted'])
      .orderBy('seq')
      .execute();
    expect(history).toEqual([
      { action: 'case.shared', display_name: first?.sharedBy },
      { action: 'case.share_retracted', display_name: first?.sharedBy },
      { action: 'case.shared', display_name: again?.sharedBy },
    ]);

    // The peer gets the case again, whole, from the new share's snapshot, under the new terms.
    await syncPair(knpa, cnp);
    expect((await sharesOf(kim, caseId)).shares[0]?.delivery).toEqual({ state: 'delivered', error: null });
    const mirrored = await sharesOf(chan, caseId);
    expect(mirrored.status).toBe(200);
    expect(mirrored.shares).toEqual([
      expect.objectContaining({
        role: 'mirror',
        state: 'active',
        scope: ['tasks'],
        markings: expect.objectContaining({ purpose: 'Prosecution of the ring leaders' }),
        retractedAt: null,
      }),
    ]);
    const tasks = await cnp.node.app.db
      .selectFrom('case_tasks')
      .select('title')
      .where('case_id', '=', caseId)
      .orderBy('title')
      .execute();
    expect(tasks.map((t) => t.title)).toEqual(['Freeze the wallets', 'Trace the mule accounts']);

    // Sharing again while active changes the terms of the running share, not its date or officer.
    expect((await share(kim, 'Prosecution and asset recovery', ['tasks', 'notes'])).statusCode).toBe(201);
    expect((await sharesOf(kim, caseId)).shares).toEqual([
      expect.objectContaining({
        scope: ['tasks', 'notes'],
        markings: expect.objectContaining({ purpose: 'Prosecution and asset recovery' }),
        sharedBy: again?.sharedBy,
        sharedAt: again?.sharedAt,
      }),
    ]);
  });

  // Known gap (handlers.ts): the originator cannot tell an edit the mirror made before it received the
  // retraction from one made after the re-share, so it applies it and the two nodes differ. Flip to `it`
  // when `case.sync` carries the share it was made under.
  it('drops a mirror edit that crosses the retraction even when the case was shared again meanwhile', async () => {
    const caseId = await newCase('Share list crossing');
    const share = () =>
      kim.post('/api/v1/exchange/case-shares', { caseId, peer: 'cnp', scope: ['tasks'], markings });
    expect((await share()).statusCode).toBe(201);
    await syncPair(knpa, cnp);
    const titles = async (t: FederatedTestNode) =>
      (
        await t.node.app.db.selectFrom('case_tasks').select('title').where('case_id', '=', caseId).execute()
      ).map((r) => r.title);
    const [task] = await cnp.node.app.db
      .selectFrom('case_tasks')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    const edited = await chan.patch(`/api/v1/cases/${caseId}/tasks/${task?.id}`, {
      title: 'Made before the retraction',
    });
    expect(edited.statusCode).toBe(200);
    expect((await kim.delete(`/api/v1/exchange/case-shares/${caseId}/cnp`)).statusCode).toBe(204);
    expect((await share()).statusCode).toBe(201);
    await deliverPending(cnp.node.app); // the edit reaches KNPA after the re-share, before CNP hears of either
    await syncPair(knpa, cnp);
    expect(await titles(knpa)).toEqual(['Trace the mule accounts']);
    expect(await titles(cnp)).toEqual(['Trace the mule accounts']);
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
