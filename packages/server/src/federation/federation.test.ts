import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../cli/system-actor.ts';
import { systemCtx } from '../context.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import type { TestClient } from '../testing/test-client.ts';
import { deliverPending, pullAll, sealRows } from './delivery.ts';
import { sealMessage } from './envelope.ts';
import { rotateNodeKeys, setPeerStatus } from './peers.ts';
import { federationOf } from './runtime.ts';
import {
  auditEntries,
  closeNodes,
  encryptFor,
  type FederatedTestNode,
  messageEnvelope,
  postMessages,
  startPeeredPair,
} from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: TestClient;
let chan: TestClient;

const markings = {
  handlingCode: 'H2',
  tlp: 'AMBER',
  legalBasis: { kind: 'police_cooperation' },
  purpose: 'Investigation of a voice-phishing ring',
  sourceReliability: 'B',
  informationAccuracy: '2',
};

function request(subject: string, extra: Record<string, unknown> = {}) {
  return {
    peer: 'cnp',
    kind: 'request',
    subject,
    body: 'Who holds this number?',
    priority: 'high',
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    questions: ['Subscriber?', 'Location?'],
    identifiers: [{ kind: 'phone', value: '+855 12 345 678' }],
    markings,
    ...extra,
  };
}

const audits = auditEntries;

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await knpa.signIn(['investigator'], 'KNPA');
  chan = await cnp.signIn(['investigator'], 'CNP');
});
afterAll(() => closeNodes(knpa, cnp));

describe('federation between two nodes on loopback', () => {
  it('carries a request and its reply, with delivery state and live arrival', async () => {
    const arrivals: LiveEvent[] = [];
    const unsubscribe = cnp.node.app.events.subscribe((e) => arrivals.push(e));
    const sent = await kim.post('/api/v1/exchange/items', request('Phone number in complaint 2026-114'));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().deliveryState).toBe('queued');
    expect((await deliverPending(knpa.node.app)).delivered).toBe(1);
    unsubscribe();
    expect(arrivals.map((e) => e.type)).toContain('exchange.message');

    const inbox = (await chan.get('/api/v1/exchange/items?direction=in')).json();
    const received = inbox.find((i: { id: string }) => i.id === sent.json().id);
    expect(received).toMatchObject({
      subject: 'Phone number in complaint 2026-114',
      peerAgency: 'KNPA',
      kind: 'request',
      priority: 'high',
    });
    expect(received.markings).toMatchObject({ originAgency: 'KNPA', handlingCode: 'H2', tlp: 'AMBER' });
    expect(received.obligations.map((o: { kind: string }) => o.kind)).toEqual(
      expect.arrayContaining(['no_forward', 'no_export', 'retain_until']),
    );
    expect((await knpa.client().get(`/api/v1/exchange/items/${sent.json().id}`)).statusCode).toBe(401);
    expect((await kim.get(`/api/v1/exchange/items/${sent.json().id}`)).json().deliveryState).toBe(
      'delivered',
    );

    expect((await chan.post(`/api/v1/exchange/items/${received.id}/read`)).statusCode).toBe(200);
    const reply = await chan.post('/api/v1/exchange/items', {
      peer: 'knpa',
      kind: 'reply',
      inReplyTo: received.id,
      subject: 'Re: phone number',
      body: 'Prepaid SIM, registered in Sihanoukville.',
      markings: { ...markings, handlingCode: 'H1' },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await deliverPending(cnp.node.app);
    const thread = (await kim.get(`/api/v1/exchange/items?threadId=${received.threadId}`)).json();
    expect(thread.map((i: { kind: string }) => i.kind).sort()).toEqual(['reply', 'request']);
    expect(thread.find((i: { kind: string }) => i.kind === 'request').deliveryState).toBe('read');
    expect((await audits(cnp, 'exchange.request.received')).length).toBeGreaterThan(0);
  });

  it('blocks a send under a policy rule and explains which rule, audited', async () => {
    const blocked = await kim.post(
      '/api/v1/exchange/items',
      request('Informant details', { categories: ['intelligence_source'] }),
    );
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('policy-blocked');
    expect(blocked.json().detail).toMatch(/blocked by KR-OUT-003/);
    const entry = (await audits(knpa, 'policy.blocked')).at(-1)!;
    expect((entry.details as { denied: string[] }).denied).toContain('KR-OUT-003');
    const queued = await knpa.node.app.db
      .selectFrom('exchange_items')
      .select('id')
      .where('subject', '=', 'Informant details')
      .execute();
    expect(queued).toHaveLength(0);
  });

  it('delivers everything exactly once and in order after the receiver was down', async () => {
    await cnp.goDown();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await kim.post('/api/v1/exchange/items', request(`outage ${i}`))).json().id);
    await deliverPending(knpa.node.app);
    const waiting = await knpa.node.app.db
      .selectFrom('outbox')
      .select(['state', 'last_error', 'attempts'])
      .where('kind', '=', 'exchange.item')
      .where('state', '!=', 'delivered')
      .execute();
    expect(waiting).toHaveLength(5);
    expect(waiting.every((w) => w.state === 'sent' && w.attempts === 1 && w.last_error)).toBe(true);
    await cnp.comeBack();
    chan = await cnp.signIn(['investigator'], 'CNP');
    // The node that was offline catches up by pulling; the sender's back-off does not delay it.
    await pullAll(cnp.node.app);
    const got = await cnp.node.app.db
      .selectFrom('exchange_items')
      .select(['id', 'subject'])
      .where('subject', 'like', 'outage %')
      .orderBy('created_at')
      .execute();
    expect(got.map((g) => g.id)).toEqual(ids);
    const inbox = await cnp.node.app.db
      .selectFrom('inbox')
      .select(['seq', 'applied_at'])
      .orderBy('seq')
      .execute();
    expect(inbox.map((r) => Number(r.seq))).toEqual(inbox.map((_, i) => i + 1));
    expect(inbox.every((r) => r.applied_at)).toBe(true);
    // The next pull acknowledges them on the sender, and a retry sends nothing twice.
    await pullAll(cnp.node.app);
    await knpa.node.app.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(0) })
      .execute();
    await deliverPending(knpa.node.app);
    expect(
      await knpa.node.app.db
        .selectFrom('outbox')
        .select('id')
        .where('state', '!=', 'delivered')
        .where('kind', '=', 'exchange.item')
        .execute(),
    ).toHaveLength(0);
    expect(
      await cnp.node.app.db
        .selectFrom('exchange_items')
        .select('id')
        .where('subject', 'like', 'outage %')
        .execute(),
    ).toHaveLength(5);
  });

  it('applies duplicated and reordered deliveries once, in sequence order', async () => {
    const app = knpa.node.app;
    // Queue three without delivering, then deliver them by hand: reversed, with duplicates.
    for (let i = 0; i < 3; i++) await kim.post('/api/v1/exchange/items', request(`reorder ${i}`));
    const rows = await app.db
      .selectFrom('outbox')
      .select(['id', 'seq', 'kind', 'body', 'created_at'])
      .where('state', '=', 'queued')
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(3);
    const peer = await app.db.selectFrom('peers').select(['id', 'node_name']).executeTakeFirstOrThrow();
    const sealed = await sealRows(app, peer, rows);
    const post = async (messages: string[]) => ({ receipts: await postMessages(cnp, messages) });
    const first = await post([sealed[2]!, sealed[2]!]);
    expect(first.receipts.map((r: { status: string }) => r.status)).toEqual(['stored', 'duplicate']);
    expect(
      await cnp.node.app.db
        .selectFrom('exchange_items')
        .select('id')
        .where('subject', 'like', 'reorder %')
        .execute(),
    ).toHaveLength(0);
    const second = await post([sealed[1]!, sealed[0]!, sealed[2]!]);
    expect(second.receipts.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'duplicate',
    ]);
    const applied = await cnp.node.app.db
      .selectFrom('inbox')
      .select(['seq', 'applied_at'])
      .where('applied_at', 'is not', null)
      .orderBy('applied_at')
      .orderBy('seq')
      .execute();
    const seqs = applied.map((a) => Number(a.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(
      await cnp.node.app.db
        .selectFrom('exchange_items')
        .select('subject')
        .where('subject', 'like', 'reorder %')
        .orderBy('created_at')
        .execute(),
    ).toHaveLength(3);
    await deliverPending(app);
    expect(
      await app.db.selectFrom('outbox').select('id').where('state', '!=', 'delivered').execute(),
    ).toHaveLength(0);
  });

  it('rejects and audits a forged signature, a message for another node, and a replay', async () => {
    const app = knpa.node.app;
    const encKey = (
      await app.db
        .selectFrom('peer_keys')
        .select('public_jwk')
        .where('use', '=', 'enc')
        .where('retired_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).public_jwk;
    const base = messageEnvelope({ from: 'knpa', to: 'cnp', seq: 999 });
    const keyring = federationOf(app).keyring;
    // Forged: sign with KNPA's key, then alter the signed content before encrypting for CNP.
    const { signPayload } = await import('./envelope.ts');
    const jws = await signPayload(keyring, base);
    const [h, , s] = jws.split('.');
    const forgedJws = `${h}.${Buffer.from(JSON.stringify({ ...base, seq: 1000 })).toString('base64url')}.${s}`;
    const forged = await encryptFor(encKey as never, forgedJws);
    const elsewhere = await sealMessage(keyring, encKey as never, {
      ...base,
      id: crypto.randomUUID(),
      to: 'interpol',
    });
    const replayRow = await app.db
      .selectFrom('outbox')
      .select(['id', 'seq', 'kind', 'body', 'created_at'])
      .where('state', '=', 'delivered')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    const peer = await app.db.selectFrom('peers').select(['id', 'node_name']).executeTakeFirstOrThrow();
    const [original] = await sealRows(app, peer, [replayRow]);
    const replay = await sealMessage(keyring, encKey as never, {
      ...base,
      id: crypto.randomUUID(),
      seq: Number(replayRow.seq),
    });
    const receipts = await postMessages(cnp, [forged, elsewhere, replay, original!, 'garbage']);
    expect(receipts.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual([
      'bad-signature',
      'wrong-recipient',
      'replay',
      'duplicate',
      'malformed',
    ]);
    // The request is not signed: what fails authentication is one entry with counts; the replay (a message
    // KNPA did sign) is an entry of its own.
    const reasons = (await audits(cnp, 'federation.message.rejected')).map(
      (a) => (a.details as { reason: string }).reason,
    );
    expect(reasons).toContain('replay');
    const [batch] = await audits(cnp, 'federation.messages.rejected');
    expect(batch?.details).toMatchObject({
      received: 5,
      rejected: 3,
      reasons: { 'bad-signature': 1, 'wrong-recipient': 1, malformed: 1 },
      peers: ['knpa'],
    });
  });

  it('refuses messages from a suspended peer and accepts them again when reactivated', async () => {
    const agency = await cnp.node.app.db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', 'CNP')
      .executeTakeFirstOrThrow();
    await setPeerStatus(systemCtx(cnp.node.app), systemActor(agency), 'knpa', 'suspended');
    const sent = (await kim.post('/api/v1/exchange/items', request('while suspended'))).json();
    await deliverPending(knpa.node.app);
    expect((await kim.get(`/api/v1/exchange/items/${sent.id}`)).json().deliveryState).toBe('queued');
    await setPeerStatus(systemCtx(cnp.node.app), systemActor(agency), 'knpa', 'active');
    await knpa.node.app.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(0) })
      .execute();
    await deliverPending(knpa.node.app);
    expect((await kim.get(`/api/v1/exchange/items/${sent.id}`)).json().deliveryState).toBe('delivered');
  });

  it('delivers a message committed just before the sender was killed, after its restart', async () => {
    const sent = (await kim.post('/api/v1/exchange/items', request('committed then crashed'))).json();
    await knpa.goDown();
    federationOf(knpa.node.app).keyring.reset();
    await knpa.comeBack();
    kim = await knpa.signIn(['investigator'], 'KNPA');
    await deliverPending(knpa.node.app);
    expect((await kim.get(`/api/v1/exchange/items/${sent.id}`)).json().deliveryState).toBe('delivered');
    expect(
      await cnp.node.app.db.selectFrom('exchange_items').select('id').where('id', '=', sent.id).execute(),
    ).toHaveLength(1);
  });

  it('rotates keys without losing history: the peer adopts the new keys from a message signed with the old', async () => {
    const agency = await knpa.node.app.db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', 'KNPA')
      .executeTakeFirstOrThrow();
    const before = await cnp.node.app.db.selectFrom('exchange_items').select('id').execute();
    await rotateNodeKeys(systemCtx(knpa.node.app), systemActor(agency));
    await deliverPending(knpa.node.app);
    expect((await audits(cnp, 'peer.keys-rotated')).length).toBe(1);
    const sent = (await kim.post('/api/v1/exchange/items', request('after rotation'))).json();
    await deliverPending(knpa.node.app);
    expect((await kim.get(`/api/v1/exchange/items/${sent.id}`)).json().deliveryState).toBe('delivered');
    expect((await cnp.node.app.db.selectFrom('exchange_items').select('id').execute()).length).toBe(
      before.length + 1,
    );
    expect(
      await cnp.node.app.db.selectFrom('peer_keys').select('kid').where('use', '=', 'sig').execute(),
    ).toHaveLength(2);
  });

  it('answers hit or no hit with a reference only, logs both sides, and rate-limits per user', async () => {
    const hit = await chan.post('/api/v1/exchange/hit-queries', {
      peer: 'knpa',
      kind: 'phone',
      value: '+85512345678',
      purpose: 'Check before a request',
    });
    expect(hit.statusCode, hit.body).toBe(200);
    expect(Object.keys(hit.json()).sort()).toEqual(['hit', 'peer', 'reference']);
    expect(hit.json()).toMatchObject({ hit: true, peer: 'knpa' });
    expect(hit.json().reference).toMatch(/^HQ-/);
    const miss = await chan.post('/api/v1/exchange/hit-queries', {
      peer: 'knpa',
      kind: 'passport',
      value: 'M12345678',
      purpose: 'Check before a request',
    });
    expect(miss.json().hit).toBe(false);
    expect((await audits(knpa, 'hit.query.answered')).length).toBe(2);
    expect((await audits(cnp, 'hit.query.sent')).length).toBe(2);
    expect(JSON.stringify(await audits(knpa, 'hit.query.answered'))).not.toContain('M12345678');
    federationOf(cnp.node.app).settings.HIT_QUERIES_PER_HOUR = 2;
    const limited = await chan.post('/api/v1/exchange/hit-queries', {
      peer: 'knpa',
      kind: 'phone',
      value: '+85512345678',
      purpose: 'again',
    });
    expect(limited.statusCode).toBe(429);
    const followUp = await chan.post('/api/v1/exchange/items', {
      ...request('Follow-up on hit'),
      peer: 'knpa',
      hitReference: hit.json().reference,
      markings: { ...markings, purpose: 'Follow-up' },
    });
    expect(followUp.statusCode, followUp.body).toBe(201);
  });
});
