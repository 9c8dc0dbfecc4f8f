import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../events/event-bus.ts';
import { makeCase } from '../graph/entities/graph-test-support.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
let investigator: TestClient;
let consular: TestClient;
let jointCase: string;
const events: LiveEvent[] = [];
const wallet = 'TQrY8tryqsYVCYS3MFbtffiPp2ccyn4STm';

beforeAll(async () => {
  t = await startTestNode();
  investigator = await t.signIn(['investigator'], 'KNPA');
  consular = await t.signIn(['consular_officer'], 'MOFA');
  jointCase = await makeCase(t.node, investigator, 'Ransom laundering through TRON wallets');
  t.node.app.events.subscribe((event) => events.push(event));
});
afterAll(() => t.close());

describe('identifiers of a rescue report in the graph', () => {
  it('raises a hit visible to the joint case team when a public report names a wallet already in that case', async () => {
    const entered = await investigator.post('/api/v1/entities', {
      type: 'crypto_wallet',
      properties: { address: wallet, chain: 'tron' },
      caseId: jointCase,
    });
    expect(entered.statusCode).toBe(201);

    const filed = await t.node.http.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      remoteAddress: '203.0.113.77',
      payload: {
        consentToProcessing: true,
        reporter: { relation: 'mother', phone: '010-4444-5555', language: 'ko' },
        person: { namesHangul: ['이서준'], birthDate: '2001-02-03', phone: '010-6060-7070' },
        location: { province: 'preah_sihanouk' },
        narrative:
          '아들을 풀어 주는 대가로 테더를 보내라고 합니다. 텔레그램 @ransom_boss 에서 연락이 왔습니다.',
        ransom: { amount: 20000, currency: 'USDT', wallet },
        indicators: ['ransom_demand'],
      },
    });
    expect(filed.statusCode).toBe(201);
    const rescueCase = await t.node.app.db
      .selectFrom('rescue_reports')
      .select('case_id')
      .where('public_reference', '=', filed.json().reference)
      .executeTakeFirstOrThrow();

    // The report's identifiers are entities of the graph, tied to the rescue case, in no joint case.
    const linked = await t.node.app.db
      .selectFrom('rescue_entities')
      .innerJoin('entities', 'entities.id', 'rescue_entities.entity_id')
      .select(['entities.type', 'rescue_entities.source'])
      .where('rescue_case_id', '=', rescueCase.case_id)
      .execute();
    expect(linked.map((l) => l.source).sort()).toEqual(
      expect.arrayContaining(['narrative', 'person.phone', 'ransom.wallet']),
    );

    // The joint case's team sees the hit on its own side; the rescue side is restricted.
    const hits = (await investigator.get(`/api/v1/hits?caseId=${jointCase}`)).json();
    expect(hits).toHaveLength(1);
    expect(hits[0].kind).toBe('crypto_wallet');
    expect(JSON.stringify(hits[0])).not.toContain('이서준');

    // The live notification names ids and the kind only: no wallet, no name, no phone.
    const hitId = hits[0].id;
    await expect
      .poll(() => events.find((e) => e.type === 'hit.raised' && e.payload.hitId === hitId))
      .toBeTruthy();
    const event = events.find((e) => e.payload.hitId === hitId)!;
    expect(event.payload).toEqual({ hitId, kind: 'crypto_wallet', caseIds: [jointCase] });
    const payload = JSON.stringify(event.payload);
    for (const secret of [wallet, '이서준', '6060', 'ransom_boss', '2001-02-03'])
      expect(payload).not.toContain(secret);
    expect(event.audience.userIds).toContain((await investigator.get('/api/v1/me')).json().id);

    // The rescue case's history says hits were raised, and the case stays closed to the investigator.
    const view = (
      await consular.get(`/api/v1/rescue/cases/${rescueCase.case_id}`, {
        'x-liaison-purpose': 'triage',
      })
    ).json();
    expect(view.history.some((h: { kind: string }) => h.kind === 'graph_hits')).toBe(true);
  });

  it('files a report whose wallet is unreadable without failing, keeping it on the case only', async () => {
    const filed = await consular.post('/api/v1/rescue/reports', {
      channel: 'family_call',
      consentToProcessing: true,
      reporter: { relation: 'father', language: 'ko' },
      person: { namesHangul: ['최도윤'] },
      narrative: 'Ransom demanded to a wallet the family could not read out correctly.',
      ransom: { amount: 5000, currency: 'USDT', wallet: 'TQrY8tryqsYVCYS3MFbtffiPp2ccyn4STX' },
      indicators: ['ransom_demand'],
    });
    expect(filed.statusCode).toBe(201);
    const linked = await t.node.app.db
      .selectFrom('rescue_entities')
      .select('source')
      .where('rescue_case_id', '=', filed.json().caseId)
      .execute();
    expect(linked.map((l) => l.source)).not.toContain('ransom.wallet');
  });

  it("reads a number written without its calling code in the recording agency's country", async () => {
    const cnp = await t.signIn(['investigator'], 'CNP');
    const filed = await cnp.post('/api/v1/rescue/reports', {
      channel: 'police',
      consentToProcessing: true,
      reporter: { relation: 'friend', language: 'km' },
      person: { namesLatin: ['PARK JIHO'], nationality: 'KR', phone: '023 456 789' },
      narrative: 'Seen at the gate of a compound in Bavet; the Phnom Penh number of his former office.',
      indicators: [],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const row = await t.node.app.db
      .selectFrom('rescue_cases')
      .select('identifiers')
      .where('id', '=', filed.json().caseId)
      .executeTakeFirstOrThrow();
    // A Cambodian officer's 023 number is a Phnom Penh line, though the person is Korean (read in Korea it
    // would be a Seoul number, +82 2 345 6789).
    expect(JSON.stringify(row.identifiers)).toContain('+85523456789');
  });
});
