import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPending, messagesPath } from './delivery.ts';
import { federationOf } from './runtime.ts';
import { auditEntries, closeNodes, type FederatedTestNode, startPeeredPair } from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
const budget = 5;

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  federationOf(cnp.node.app).settings.FEDERATION_UNKNOWN_SENDER_PER_MINUTE = budget;
});
afterAll(() => closeNodes(knpa, cnp));

async function auditCount(action: string): Promise<number> {
  return (await auditEntries(cnp, action)).length;
}

/** A delivery request nobody signed, from `remoteAddress` (each test its own, so its own budget). */
function postJunk(remoteAddress: string, messages: string[], headers: Record<string, string> = {}) {
  return cnp.node.http.inject({
    method: 'POST',
    url: messagesPath,
    remoteAddress,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ messages }),
  });
}

const junk = (n: number, size = 8) => Array.from({ length: n }, (_, i) => `${i}`.padEnd(size, 'x'));

describe('deliveries from a sender that is not a known peer', () => {
  it('audits the rejected messages of each request as one entry with counts, not one per message', async () => {
    const before = await auditCount('federation.message.rejected');
    for (let i = 0; i < 3; i++) {
      const response = await postJunk('192.0.2.1', junk(500));
      expect(response.statusCode).toBe(200);
      expect(response.json().receipts).toHaveLength(500);
    }
    expect(await auditCount('federation.message.rejected')).toBe(before);
    const entries = await auditEntries(cnp, 'federation.messages.rejected');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      ip: '192.0.2.1',
      details: { received: 500, rejected: 500, reasons: { malformed: 500 }, peers: [] },
    });
  });

  it('refuses a body over the small limit with 413, with or without a length, and a forged header does not help', async () => {
    const big = junk(100, 700); // about 70 KB, over the 64 KiB default
    const unsigned = await postJunk('192.0.2.2', big);
    expect(unsigned.statusCode).toBe(413);
    expect(unsigned.json().code).toBe('payload-too-large');
    const forged = await postJunk('192.0.2.2', big, { authorization: 'Liaison-Signature e30.e30.AAAA' });
    expect(forged.statusCode).toBe(413);

    // Chunked: no content-length, counted as it arrives.
    const body = new TextEncoder().encode(JSON.stringify({ messages: big }));
    const chunked = await fetch(`${cnp.url}${messagesPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < body.length; i += 8_192) controller.enqueue(body.subarray(i, i + 8_192));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { code: string }).code).toBe('payload-too-large');
    // Under the limit is served.
    expect((await postJunk('192.0.2.2', junk(10))).statusCode).toBe(200);
  });

  it('answers 429 once the budget of the address is spent, and then writes nothing more', async () => {
    for (let i = 0; i < budget; i++) expect((await postJunk('192.0.2.3', junk(50))).statusCode).toBe(200);
    const entries = await auditCount('federation.messages.rejected');
    const refused = await postJunk('192.0.2.3', junk(50));
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate-limited');
    expect(await auditCount('federation.messages.rejected')).toBe(entries);
    // Another address has its own budget.
    expect((await postJunk('192.0.2.4', junk(1))).statusCode).toBe(200);
  });

  it("still takes a known peer's large signed batch, from an address whose unknown-sender budget is spent", async () => {
    // The loopback address KNPA delivers from has no budget left for unsigned requests.
    let status = 200;
    for (let i = 0; i <= budget && status !== 429; i++)
      status = (
        await fetch(`${cnp.url}${messagesPath}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messages: ['junk'] }),
        })
      ).status;
    expect(status).toBe(429);

    const kim = await knpa.signIn(['investigator'], 'KNPA');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const sent = await kim.post('/api/v1/exchange/items', {
        peer: 'cnp',
        kind: 'notification',
        subject: `Large notice ${i}`,
        body: `${i} `.repeat(6_000),
        markings: {
          handlingCode: 'H2',
          tlp: 'AMBER',
          legalBasis: { kind: 'police_cooperation' },
          purpose: 'Investigation of a voice-phishing ring',
          sourceReliability: 'B',
          informationAccuracy: '2',
        },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      ids.push(sent.json().id);
    }
    // The six go in one batch of well over the unknown-sender limit.
    expect((await deliverPending(knpa.node.app)).delivered).toBe(6);
    for (const id of ids)
      expect((await kim.get(`/api/v1/exchange/items/${id}`)).json().deliveryState).toBe('delivered');
  });
});
