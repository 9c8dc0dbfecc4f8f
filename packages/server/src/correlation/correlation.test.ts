import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../events/event-bus.ts';
import { makeCase, person, phone } from '../graph/entities/graph-test-support.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
let knpa: TestClient;
let cnp: TestClient;
let knpaCase: string;
let cnpCase: string;
const events: LiveEvent[] = [];

beforeAll(async () => {
  t = await startTestNode();
  knpa = await t.signIn(['investigator'], 'KNPA');
  cnp = await t.signIn(['investigator'], 'CNP');
  knpaCase = await makeCase(t.node, knpa, 'Rescue of a confined worker');
  cnpCase = await makeCase(t.node, cnp, 'Scam compound in Bavet');
  t.node.app.events.subscribe((event) => events.push(event));
});
afterAll(() => t.close());

describe('hits', () => {
  it('raises a hit at once when another case enters the same phone in another format, and tells both teams', async () => {
    const a = await knpa.post('/api/v1/entities', { ...phone('012 345 678'), caseId: knpaCase });
    expect(a.statusCode).toBe(201);
    expect(a.json().identifiers[0]).toMatchObject({ kind: 'phone', value: '+85512345678', valid: true });
    expect(a.json().hits).toEqual([]);

    const b = await cnp.post('/api/v1/entities', { ...phone('+855 12 345 678'), caseId: cnpCase });
    expect(b.statusCode).toBe(201);
    expect(b.json().hits).toHaveLength(1);
    const hitId = b.json().hits[0].id;

    await expect
      .poll(() => events.find((e) => e.type === 'hit.raised' && e.payload.hitId === hitId))
      .toBeTruthy();
    const event = events.find((e) => e.payload.hitId === hitId)!;
    expect(event.audience.agencyCodes?.sort()).toEqual(['CNP', 'KNPA']);
    expect(JSON.stringify(event.payload)).not.toMatch(/\+855|12345678|345 678/);

    const audit = await t.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', hitId)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['hit.raised']);
  });

  it('shows each team its own side and only that a restricted record matches on the other', async () => {
    const mine = (await knpa.get(`/api/v1/hits?caseId=${knpaCase}`)).json();
    expect(mine).toHaveLength(1);
    const [own, other] = mine[0].sides[0].restricted
      ? [mine[0].sides[1], mine[0].sides[0]]
      : [mine[0].sides[0], mine[0].sides[1]];
    expect(own).toMatchObject({ restricted: false, case: { id: knpaCase } });
    expect(other).toEqual({ restricted: true, ownerAgency: 'CNP' });
    const theirs = (await cnp.get(`/api/v1/hits?caseId=${cnpCase}`)).json();
    expect(theirs).toHaveLength(1);
    expect(theirs[0].sides.some((s: { restricted: boolean }) => s.restricted)).toBe(true);
    // A third agency's officer sees nothing of either case.
    const consul = await t.signIn(['investigator'], 'MOFA');
    expect((await consul.get(`/api/v1/hits?caseId=${knpaCase}`)).statusCode).toBe(404);
    expect((await consul.get(`/api/v1/hits/${mine[0].id}`)).statusCode).toBe(404);
  });

  it('lets the restricted side ask the owner for access, and tells the owner live', async () => {
    const hit = (await cnp.get(`/api/v1/hits?caseId=${cnpCase}`)).json()[0];
    const asked = await cnp.post(`/api/v1/hits/${hit.id}/access-requests`, {
      reason: 'Same phone as our Bavet suspect',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ ownerAgency: 'KNPA', status: 'pending' });
    await expect
      .poll(() =>
        events.find(
          (e) => e.type === 'access-request.created' && e.payload.accessRequestId === asked.json().id,
        ),
      )
      .toBeTruthy();
    const incoming = (await knpa.get('/api/v1/access-requests')).json();
    expect(incoming[0]).toMatchObject({ direction: 'incoming', requesterAgency: 'CNP', status: 'pending' });
    const granted = await knpa.post(`/api/v1/access-requests/${asked.json().id}/decision`, {
      decision: 'granted',
    });
    expect(granted.statusCode).toBe(200);
    const after = (await cnp.get(`/api/v1/hits/${hit.id}`)).json();
    expect(after.sides.every((s: { restricted: boolean }) => !s.restricted)).toBe(true);
  });

  it('raises no hit for an identifier marked as not correlating', async () => {
    const analyst = await t.signIn(['analyst'], 'KNPA');
    expect(
      (
        await knpa.post('/api/v1/identifiers/non-correlating', {
          kind: 'phone',
          value: '1394',
          reason: 'hotline',
        })
      ).statusCode,
    ).toBe(403);
    const marked = await analyst.post('/api/v1/identifiers/non-correlating', {
      kind: 'phone',
      value: '+82 10 1111 2222',
      reason: 'Bank call centre number',
    });
    expect(marked.statusCode).toBe(201);
    await knpa.post('/api/v1/entities', { ...phone('010-1111-2222'), caseId: knpaCase });
    const second = await cnp.post('/api/v1/entities', { ...phone('+821011112222'), caseId: cnpCase });
    expect(second.json().hits).toEqual([]);
  });

  it('checks one identifier without saving, counting what the user may not see', async () => {
    const check = (
      await cnp.get(`/api/v1/identifiers/check?q=${encodeURIComponent('010 1111 2222')}`)
    ).json();
    expect(check.identifier.value).toBe('+821011112222');
    expect(check.matchCount).toBe(2);
    expect(check.nonCorrelating).toBe('Bank call centre number');
  });
});

describe('bad input', () => {
  it('keeps a phone in an impossible format and flags it', async () => {
    const response = await knpa.post('/api/v1/entities', { ...phone('12'), caseId: knpaCase });
    expect(response.statusCode).toBe(201);
    expect(response.json().identifiers[0]).toMatchObject({ raw: '12', valid: false });
    expect(response.json().identifiers[0].problem).toBeTruthy();
  });

  it('refuses a TRON wallet with a bad checksum, naming the field', async () => {
    const response = await knpa.post('/api/v1/entities', {
      type: 'crypto_wallet',
      properties: { address: 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeD', chain: 'tron' },
      caseId: knpaCase,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/checksum/);
    expect(response.json().fields).toEqual([
      { path: '/properties/address', message: expect.stringMatching(/checksum/), code: 'custom' },
    ]);
  });

  it('refuses a birth date in the future', async () => {
    const response = await knpa.post(
      '/api/v1/entities',
      person([{ value: '김민수', script: 'hangul' }], { birthDate: '2999-01-01' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('/properties/birthDate');
  });

  it('answers a link to an entity that does not exist with 404 and the path', async () => {
    const a = (await knpa.post('/api/v1/entities', person([{ value: 'KIM MINSU', script: 'latin' }]))).json()
      .entity;
    const response = await knpa.post('/api/v1/links', {
      type: 'uses',
      sourceId: a.id,
      targetId: '00000000-0000-4000-8000-000000000000',
      properties: {},
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().fields).toEqual([
      { path: '/targetId', message: 'No such entity', code: 'not_found' },
    ]);
  });

  it('refuses a same_as cycle with 409 and the chain that already joins them', async () => {
    const ids = [];
    for (const name of ['LEE YOUNGSOO', 'YI YEONGSU', 'RHEE YOUNG SOO'])
      ids.push(
        (await knpa.post('/api/v1/entities', person([{ value: name, script: 'latin' }]))).json().entity.id,
      );
    expect(
      (
        await knpa.post('/api/v1/links', {
          type: 'same_as',
          sourceId: ids[0],
          targetId: ids[1],
          properties: {},
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await knpa.post('/api/v1/links', {
          type: 'same_as',
          sourceId: ids[1],
          targetId: ids[2],
          properties: {},
        })
      ).statusCode,
    ).toBe(201);
    const cycle = await knpa.post('/api/v1/links', {
      type: 'same_as',
      sourceId: ids[2],
      targetId: ids[0],
      properties: {},
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({
      code: 'conflict',
      reason: 'already-equivalent',
      path: [ids[2], ids[1], ids[0]],
    });
  });

  it('writes nothing when one of several pasted entities is bad', async () => {
    const count = async () =>
      Number(
        (
          await t.node.app.db
            .selectFrom('entities')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const response = await knpa.post(`/api/v1/cases/${knpaCase}/entities/bulk`, {
      entities: [
        phone('+855 99 888 777'),
        {
          type: 'crypto_wallet',
          properties: { address: 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeD', chain: 'tron' },
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('/entities/1/properties/address');
    expect(await count()).toBe(before);
  });
});

describe('extraction', () => {
  it('finds identifiers in pasted text and creates the chosen ones in a case in one call', async () => {
    const found = (
      await knpa.post('/api/v1/extract', {
        text: 'Victim paid to TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC, recruiter: call 012 345 678 or mail boss@scam.example',
      })
    ).json();
    expect(found.map((f: { identifier: { kind: string } }) => f.identifier.kind).sort()).toEqual([
      'crypto_wallet',
      'email',
      'phone',
    ]);
    const created = await knpa.post(`/api/v1/cases/${knpaCase}/entities/bulk`, {
      entities: found.map((f: { proposal: unknown }) => f.proposal),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toHaveLength(3);
    const entities = (await knpa.get(`/api/v1/cases/${knpaCase}/entities`)).json();
    expect(entities.some((e: { entity: { type: string } }) => e.entity.type === 'crypto_wallet')).toBe(true);
  });
});
