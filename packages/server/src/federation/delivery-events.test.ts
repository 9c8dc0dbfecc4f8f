import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../events/event-bus.ts';
import type { TestClient } from '../testing/test-client.ts';
import { deliverPending } from './delivery.ts';
import { closeNodes, type FederatedTestNode, startPeeredPair } from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: TestClient;

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await knpa.signIn(['investigator'], 'KNPA');
});
afterAll(() => closeNodes(knpa, cnp));

describe('delivery state, live', () => {
  it("tells the sender's agency when the peer stored its message, after the change commits", async () => {
    const sent = await kim.post('/api/v1/exchange/items', {
      peer: 'cnp',
      kind: 'notification',
      subject: 'Compound raid planned',
      body: 'For your information.',
      markings: {
        handlingCode: 'H1',
        tlp: 'AMBER',
        legalBasis: { kind: 'police_cooperation' },
        purpose: 'Joint operation planning',
        sourceReliability: 'B',
        informationAccuracy: '2',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    const events: LiveEvent[] = [];
    const stateWhenPublished: string[] = [];
    const unsubscribe = knpa.node.app.events.subscribe((event) => {
      events.push(event);
      if (event.type === 'exchange.delivery')
        void kim
          .get(`/api/v1/exchange/items/${id}`)
          .then((r) => stateWhenPublished.push(r.json().deliveryState));
    });
    await deliverPending(knpa.node.app);
    // On PostgreSQL the event comes back through LISTEN/NOTIFY, a moment after it was published.
    await expect
      .poll(() => events.filter((e) => e.type === 'exchange.delivery'))
      .toEqual([
        {
          type: 'exchange.delivery',
          audience: { agencyCodes: ['KNPA'], permission: 'exchange.read' },
          payload: { itemIds: [id], state: 'delivered' },
        },
      ]);
    unsubscribe();
    await expect.poll(() => stateWhenPublished).toEqual(['delivered']);
  });
});
