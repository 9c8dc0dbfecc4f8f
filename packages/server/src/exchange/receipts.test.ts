import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPending } from '../federation/delivery.ts';
import { closeNodes, type FederatedTestNode, startPeeredPair } from '../federation/testing.ts';
import type { TestClient } from '../testing/test-client.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: TestClient;
let chan: TestClient;

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await knpa.signIn(['investigator'], 'KNPA');
  chan = await cnp.signIn(['investigator'], 'CNP');
});
afterAll(() => closeNodes(knpa, cnp));

describe('receipts from the partner', () => {
  it('records on the sender when the partner acknowledged a request, without a read first', async () => {
    const sent = await kim.post('/api/v1/exchange/items', {
      peer: 'cnp',
      kind: 'request',
      subject: 'SIM subscriber, complaint 2026-201',
      body: 'Who holds this number?',
      questions: ['Subscriber?'],
      markings: {
        handlingCode: 'H2',
        tlp: 'AMBER',
        legalBasis: { kind: 'police_cooperation' },
        purpose: 'Investigation of a voice-phishing ring',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await deliverPending(knpa.node.app);

    const acknowledged = await chan.post(`/api/v1/exchange/items/${sent.json().id}/acknowledge`);
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json().acknowledgedAt).not.toBeNull();
    await deliverPending(cnp.node.app);

    const onSender = (await kim.get(`/api/v1/exchange/items/${sent.json().id}`)).json();
    expect(onSender).toMatchObject({ direction: 'out', deliveryState: 'read' });
    expect(onSender.acknowledgedAt).toBe(acknowledged.json().acknowledgedAt);
  });
});
