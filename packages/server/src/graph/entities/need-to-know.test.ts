import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../../cases/testing/case-fixtures.ts';
import * as m0014 from '../../db/migrations/0014_entity_case_markings.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { makeCase, person, phone, whoAmI } from './graph-test-support.ts';

/*
 * Need-to-know on graph entities (issue 9, item 2): an entity follows the cases and rescue cases it belongs to
 * and its own TLP. The attack: a KNPA analyst who gets 404 on a KNPA TLP:RED case read its informant (name,
 * passport) by id and through search, could edit and delete it and lower it to CLEAR for another agency; a
 * victim's own phone from a public distress report was found by search by a user without rescue rights.
 */

let t: TestNode;
let officer: TestClient; // KNPA investigator who opened the RED case (named on it)
let analyst: TestClient; // KNPA analyst: same agency, outside the RED case, no rescue rights
let rescueColleague: TestClient; // KNPA investigator with rescue rights, not on the rescue case's team
let cnp: TestClient;
let redCase: string;
let redCaseNumber: string;
const ids: Record<string, string> = {};
/** What must never reach anyone outside: the informant's name, passport and phone, the victim's phone. */
const secrets: string[] = [];

const passport = 'M70044123';
const markings = (tlp: string, originAgency = 'KNPA') => ({
  originAgency,
  handlingCode: 'H0',
  tlp,
  legalBasis: { kind: 'police_cooperation' },
  purpose: 'Joint investigation',
});

async function entity(client: TestClient, body: object, caseId?: string) {
  const response = await client.post('/api/v1/entities', { ...body, ...(caseId && { caseId }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    entity: { id: string; version: number; tlp: string; properties: Record<string, unknown> };
    hits: { id: string }[];
  };
}

function patch(client: TestClient, id: string, body: object, version: number) {
  return client.request({
    method: 'PATCH',
    url: `/api/v1/entities/${id}`,
    payload: body as never,
    headers: { 'if-match': `"${version}"` },
  });
}

const searchIds = async (client: TestClient, q: string) =>
  ((await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().entities as { id: string }[]).map(
    (e) => e.id,
  );

async function audited(action: string, recordId: string) {
  return t.node.app.db
    .selectFrom('audit_log')
    .select(['action', 'details', 'actor_id'])
    .where('action', '=', action)
    .where('record_id', '=', recordId)
    .execute();
}

beforeAll(async () => {
  t = await startTestNode();
  officer = await t.signIn(['investigator'], 'KNPA');
  analyst = await t.signIn(['analyst'], 'KNPA');
  rescueColleague = await t.signIn(['investigator'], 'KNPA');
  cnp = await t.signIn(['investigator'], 'CNP');
  const red = await officer.post(
    '/api/v1/cases',
    caseBody({ title: 'Informant inside the Bavet compound', markings: { tlp: 'RED', handlingCode: 'H2' } }),
  );
  expect(red.statusCode, red.body).toBe(201);
  redCase = red.json().id;
  redCaseNumber = red.json().number;
  ids.informant = (
    await entity(
      officer,
      person([{ value: 'Kwon Haeun', script: 'latin' }], {
        birthDate: '1991-04-09',
        passportNumbers: [passport],
      }),
      redCase,
    )
  ).entity.id;
  ids.informantPhone = (await entity(officer, phone('+855 96 404 1177'), redCase)).entity.id;
  const link = await officer.post('/api/v1/links', {
    type: 'uses',
    sourceId: ids.informant,
    targetId: ids.informantPhone,
    properties: {},
  });
  expect(link.statusCode, link.body).toBe(201);
  ids.redLink = link.json().id;
  // The informant's passport as a document of another RED case of the officer's: a hit between two hidden
  // records (two records of one case raise none).
  const otherRed = await officer.post(
    '/api/v1/cases',
    caseBody({ title: 'Passport fraud desk', markings: { tlp: 'RED', handlingCode: 'H2' } }),
  );
  expect(otherRed.statusCode, otherRed.body).toBe(201);
  const document = await entity(
    officer,
    {
      type: 'identity_document',
      properties: { documentType: 'passport', number: passport, issuingCountry: 'KR' },
    },
    otherRed.json().id,
  );
  ids.document = document.entity.id;
  ids.hiddenHit = document.hits[0]!.id;

  // A public distress report: the victim's own phone enters the graph, TLP:RED, tied to the rescue case.
  const filed = await t.node.http.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    remoteAddress: '203.0.113.90',
    payload: {
      consentToProcessing: true,
      reporter: { relation: 'sibling', phone: '010-3131-2424', language: 'ko' },
      person: { namesHangul: ['문지아'], birthDate: '2000-08-08', phone: '010-5858-9191' },
      location: { province: 'preah_sihanouk' },
      narrative: '동생이 단지에 갇혀 있습니다.',
      indicators: ['confinement_confirmed'],
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const victim = await t.node.app.db
    .selectFrom('rescue_entities')
    .innerJoin('rescue_reports', 'rescue_reports.case_id', 'rescue_entities.rescue_case_id')
    .select(['rescue_entities.entity_id', 'rescue_entities.rescue_case_id'])
    .where('rescue_reports.public_reference', '=', filed.json().reference)
    .where('rescue_entities.source', '=', 'person.phone')
    .executeTakeFirstOrThrow();
  ids.victimPhone = victim.entity_id;
  ids.rescueCase = victim.rescue_case_id;

  // What the informant's page and the victim's phone say, as the people who may see them read it.
  const page = (await officer.get(`/api/v1/entities/${ids.informant}`)).json();
  const phonePage = (await officer.get(`/api/v1/entities/${ids.informantPhone}`)).json();
  secrets.push(
    'Kwon Haeun',
    passport,
    phonePage.entity.caption,
    ...phonePage.identifiers.map((i: { value: string }) => i.value),
    ...page.identifiers.map((i: { value: string }) => i.value),
    '5858',
    ids.informant!,
    ids.informantPhone!,
    ids.document!,
    ids.victimPhone!,
  );
});
afterAll(() => t.close());

describe('the RED-case attack, replayed', () => {
  it('a same-agency analyst outside the RED case can neither read its person by id nor find it by name or passport', async () => {
    expect((await analyst.get(`/api/v1/cases/${redCase}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/entities/${ids.informant}`)).statusCode).toBe(200);
    const read = await analyst.get(`/api/v1/entities/${ids.informant}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Kwon');
    expect(await searchIds(officer, 'Kwon Haeun')).toContain(ids.informant);
    expect(await searchIds(analyst, 'Kwon Haeun')).not.toContain(ids.informant);
    expect(await searchIds(analyst, passport)).toEqual([]);
    expect((await analyst.get(`/api/v1/search?q=${passport}`)).body).not.toContain('Kwon');
  });

  it('nor edit, delete, relink or lower it to CLEAR for another agency to read', async () => {
    const page = (await officer.get(`/api/v1/entities/${ids.informant}`)).json();
    const lowered = await patch(
      analyst,
      ids.informant!,
      { properties: page.entity.properties, markings: markings('CLEAR') },
      page.entity.version,
    );
    expect(lowered.statusCode).toBe(404);
    expect((await analyst.delete(`/api/v1/entities/${ids.informant}`)).statusCode).toBe(404);
    const mine = await entity(analyst, phone('+855 12 700 700'));
    const linked = await analyst.post('/api/v1/links', {
      type: 'uses',
      sourceId: ids.informant,
      targetId: mine.entity.id,
      properties: {},
    });
    expect(linked.statusCode).toBe(404);
    expect((await analyst.delete(`/api/v1/links/${ids.redLink}`)).statusCode).toBe(404);
    const after = (await officer.get(`/api/v1/entities/${ids.informant}`)).json();
    expect(after.entity).toMatchObject({ version: page.entity.version, tlp: 'RED' });
    expect((await cnp.get(`/api/v1/entities/${ids.informant}`)).statusCode).toBe(404);
  });

  it('a user without rescue rights, or with them but off the team, does not find the victim’s own phone', async () => {
    for (const outsider of [analyst, rescueColleague, cnp]) {
      expect(await searchIds(outsider, '010-5858-9191')).not.toContain(ids.victimPhone);
      expect((await outsider.get(`/api/v1/entities/${ids.victimPhone}`)).statusCode).toBe(404);
    }
    // The rescue case's team does: a liaison officer (triage, and graph rights) who joins it.
    const liaison = await t.signIn(['liaison_officer'], 'KNPA');
    const me = await whoAmI(liaison);
    const joined = await liaison.post(`/api/v1/rescue/cases/${ids.rescueCase}/team`, { userId: me.id });
    expect(joined.statusCode, joined.body).toBe(204);
    expect(await searchIds(liaison, '010-5858-9191')).toContain(ids.victimPhone);
  });
});

describe('markings follow the case', () => {
  it('an entity entered in a case takes the case’s TLP when it is stricter, whatever it asked for', async () => {
    const made = await entity(
      officer,
      { ...phone('+855 96 404 1178'), markings: markings('AMBER') },
      redCase,
    );
    expect(made.entity.tlp).toBe('RED');
  });

  it('placing an agency’s own entity in a stricter case raises it, audited; another agency’s record is left to it', async () => {
    const amberCase = await makeCase(t.node, officer, 'Mule accounts in Phnom Penh');
    const mule = await entity(officer, person([{ value: 'Yoo Minjae', script: 'latin' }]), amberCase);
    expect(mule.entity.tlp).toBe('AMBER');
    expect((await analyst.get(`/api/v1/entities/${mule.entity.id}`)).statusCode).toBe(200);
    const placed = await officer.post(`/api/v1/cases/${redCase}/entities`, { entityId: mule.entity.id });
    expect(placed.statusCode, placed.body).toBe(201);
    const raised = (await officer.get(`/api/v1/entities/${mule.entity.id}`)).json();
    expect(raised.entity.tlp).toBe('RED');
    const [entry] = await audited('entity.tlp-raised', mule.entity.id);
    expect(entry?.details).toMatchObject({ from: 'AMBER', to: 'RED', caseId: redCase });
    // RED: only the people the cases name see it now, not the agency the AMBER case is open to.
    expect((await analyst.get(`/api/v1/entities/${mule.entity.id}`)).statusCode).toBe(404);

    const theirs = await entity(cnp, {
      ...person([{ value: 'Sok Pisey', script: 'latin' }]),
      markings: markings('GREEN', 'CNP'),
    });
    expect(
      (await officer.post(`/api/v1/cases/${redCase}/entities`, { entityId: theirs.entity.id })).statusCode,
    ).toBe(201);
    expect((await cnp.get(`/api/v1/entities/${theirs.entity.id}`)).json().entity.tlp).toBe('GREEN');
  });

  it('raising a case to RED raises its own agency’s entities with it', async () => {
    const created = await officer.post('/api/v1/cases', caseBody({ title: 'Recruiter network' }));
    const caseId = created.json().id;
    const recruiter = await entity(officer, person([{ value: 'Jang Dohyun', script: 'latin' }]), caseId);
    expect(recruiter.entity.tlp).toBe('AMBER');
    const updated = await officer.request({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: { 'if-match': `"${created.json().version}"` },
      payload: { markings: { tlp: 'RED', handlingCode: 'H2' } },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await officer.get(`/api/v1/entities/${recruiter.entity.id}`)).json().entity.tlp).toBe('RED');
    expect((await analyst.get(`/api/v1/entities/${recruiter.entity.id}`)).statusCode).toBe(404);
  });
});

describe('entities entered before the rule (migration 0014)', () => {
  it('raises an own-agency entity to its strictest case, and puts it back on the way down', async () => {
    // As an older node wrote it: an AMBER person placed in the RED case, in an AMBER case too.
    const amberCase = await makeCase(t.node, officer, 'Older case');
    const older = await entity(officer, person([{ value: 'Seo Yerin', script: 'latin' }]), amberCase);
    const me = await whoAmI(officer);
    await t.node.app.db
      .insertInto('case_entities')
      .values({ case_id: redCase, entity_id: older.entity.id, role_history: '[]', added_by: me.id })
      .execute();
    expect((await analyst.get(`/api/v1/entities/${older.entity.id}`)).statusCode).toBe(200);
    const db = t.node.app.db as never;
    await m0014.down(db);
    await m0014.up(db);
    expect((await officer.get(`/api/v1/entities/${older.entity.id}`)).json().entity).toMatchObject({
      tlp: 'RED',
      version: 2,
    });
    expect((await analyst.get(`/api/v1/entities/${older.entity.id}`)).statusCode).toBe(404);
    await m0014.down(db);
    expect((await officer.get(`/api/v1/entities/${older.entity.id}`)).json().entity.tlp).toBe('AMBER');
    await m0014.up(db);
  });
});

describe('lowering a marking', () => {
  it('is refused below the TLP of a case the entity is in, even to the people on the case', async () => {
    const page = (await officer.get(`/api/v1/entities/${ids.informantPhone}`)).json();
    const lowered = await patch(
      officer,
      ids.informantPhone!,
      { properties: page.entity.properties, markings: markings('CLEAR') },
      page.entity.version,
    );
    expect(lowered.statusCode, lowered.body).toBe(400);
    expect(lowered.json().fields[0].path).toBe('/markings/tlp');
    expect((await officer.get(`/api/v1/entities/${ids.informantPhone}`)).json().entity.tlp).toBe('RED');
  });

  it('needs the originator’s authority: an agency does not lower what another agency marked', async () => {
    const relayed = await entity(analyst, {
      ...person([{ value: 'Heng Sokha', script: 'latin' }]),
      markings: markings('AMBER', 'CNP'),
    });
    const lowered = await patch(
      analyst,
      relayed.entity.id,
      { properties: relayed.entity.properties, markings: markings('GREEN', 'CNP') },
      1,
    );
    expect(lowered.statusCode, lowered.body).toBe(403);
    expect((await cnp.get(`/api/v1/entities/${relayed.entity.id}`)).statusCode).toBe(404);
  });

  it('is audited with the marking before and after when the originator lowers it', async () => {
    const own = await entity(analyst, phone('+855 12 700 701'));
    const lowered = await patch(
      analyst,
      own.entity.id,
      { properties: own.entity.properties, markings: markings('GREEN') },
      1,
    );
    expect(lowered.statusCode, lowered.body).toBe(200);
    const [entry] = await audited('entity.tlp-lowered', own.entity.id);
    expect(entry?.details).toMatchObject({ from: 'AMBER', to: 'GREEN' });
    expect((await cnp.get(`/api/v1/entities/${own.entity.id}`)).statusCode).toBe(200);
  });
});

describe('the entity page', () => {
  it('does not tell that a hidden case holds the entity', async () => {
    const theirs = await entity(cnp, {
      ...phone('+855 77 300 301'),
      markings: markings('GREEN', 'CNP'),
    });
    expect(
      (await officer.post(`/api/v1/cases/${redCase}/entities`, { entityId: theirs.entity.id })).statusCode,
    ).toBe(201);
    for (const viewer of [cnp, analyst]) {
      const page = await viewer.get(`/api/v1/entities/${theirs.entity.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.json().cases).toEqual([]);
      expect(page.json()).not.toHaveProperty('restrictedCaseCount');
      expect(page.body).not.toContain(redCase);
      expect(page.body).not.toContain(redCaseNumber);
    }
  });
});

/*
 * Every route of the graph (entities, links, charts, correlation, search, home), as each outsider, aimed at the
 * hidden records. A route added later without a line here fails the first test, so none is forgotten.
 */
type Probe = { request: InjectOptions; status: number | number[] };
/** How an outsider would look for the record: its name or number, and the identifier it carries. */
type Lookup = {
  text: string;
  kind: string;
  identifier: string;
  /** The identifier as the node reads it back (the identifier check and extraction answer it). */
  normalised: string[];
};

function probes(target: string, caseId: string, lookup: Lookup): Record<string, Probe> {
  const get = (url: string, status: number | number[] = 200): Probe => ({
    request: { method: 'GET', url },
    status,
  });
  const send = (method: string, url: string, payload: unknown, status: number | number[]): Probe => ({
    request: { method: method as 'POST', url, payload: payload as never },
    status,
  });
  const other = ids.informantPhone === target ? ids.informant! : ids.informantPhone!;
  return {
    'POST /api/v1/entities': send('POST', '/api/v1/entities', { ...phone('+855 12 999 000'), caseId }, 404),
    'GET /api/v1/entities/:id': get(`/api/v1/entities/${target}`, 404),
    'PATCH /api/v1/entities/:id': {
      request: {
        method: 'PATCH',
        url: `/api/v1/entities/${target}`,
        headers: { 'if-match': '"1"' },
        payload: { properties: { number: '+855 12 999 001' }, markings: markings('CLEAR') },
      },
      status: 404,
    },
    'DELETE /api/v1/entities/:id': send('DELETE', `/api/v1/entities/${target}`, undefined, 404),
    'GET /api/v1/cases/:caseId/entities': get(`/api/v1/cases/${caseId}/entities`, 404),
    'POST /api/v1/cases/:caseId/entities': send(
      'POST',
      `/api/v1/cases/${caseId}/entities`,
      { entityId: target },
      404,
    ),
    'POST /api/v1/cases/:caseId/entities/:entityId/role': send(
      'POST',
      `/api/v1/cases/${caseId}/entities/${target}/role`,
      { role: 'witness', reason: 'Testing the rule' },
      404,
    ),
    'DELETE /api/v1/cases/:caseId/entities/:entityId': send(
      'DELETE',
      `/api/v1/cases/${caseId}/entities/${target}`,
      undefined,
      404,
    ),
    'POST /api/v1/cases/:caseId/entities/bulk': send(
      'POST',
      `/api/v1/cases/${caseId}/entities/bulk`,
      { entities: [phone('+855 12 999 002')] },
      404,
    ),
    'POST /api/v1/links': send(
      'POST',
      '/api/v1/links',
      { type: 'uses', sourceId: other, targetId: target, properties: {} },
      404,
    ),
    'DELETE /api/v1/links/:id': send('DELETE', `/api/v1/links/${ids.redLink}`, undefined, 404),
    'GET /api/v1/graph/expand': get(`/api/v1/graph/expand?ids=${target}&hops=2`, 404),
    'GET /api/v1/graph/path': get(`/api/v1/graph/path?from=${target}&to=${other}`, 404),
    'POST /api/v1/graph/analyse': send('POST', '/api/v1/graph/analyse', { nodeIds: [target, other] }, 200),
    'POST /api/v1/charts': send('POST', '/api/v1/charts', { name: 'Probe', nodeIds: [target, other] }, 201),
    'GET /api/v1/charts': get('/api/v1/charts'),
    'GET /api/v1/charts/:id': get(`/api/v1/charts/${ids.probeChart}`),
    'GET /api/v1/hits': get(`/api/v1/hits?entityId=${target}`),
    'GET /api/v1/hits/:id': get(`/api/v1/hits/${ids.hiddenHit}`, 404),
    'POST /api/v1/hits/:id/access-requests': send(
      'POST',
      `/api/v1/hits/${ids.hiddenHit}/access-requests`,
      { reason: 'Probing the rule' },
      404,
    ),
    'GET /api/v1/access-requests': get('/api/v1/access-requests'),
    'POST /api/v1/access-requests/:id/decision': send(
      'POST',
      `/api/v1/access-requests/${ids.hiddenHit}/decision`,
      { decision: 'granted' },
      [403, 404],
    ),
    'GET /api/v1/identifiers/check': get(
      `/api/v1/identifiers/check?q=${encodeURIComponent(lookup.identifier)}&kind=${lookup.kind}`,
    ),
    'GET /api/v1/identifiers/non-correlating': get('/api/v1/identifiers/non-correlating'),
    'POST /api/v1/identifiers/non-correlating': send(
      'POST',
      '/api/v1/identifiers/non-correlating',
      { kind: 'passport', value: 'X0000000', reason: 'Probe only' },
      [201, 403],
    ),
    'POST /api/v1/identifiers/non-correlating/remove': send(
      'POST',
      '/api/v1/identifiers/non-correlating/remove',
      { kind: 'passport', value: 'X0000000' },
      [204, 403],
    ),
    'POST /api/v1/extract': send('POST', '/api/v1/extract', { text: `Call ${lookup.identifier}` }, 200),
    'GET /api/v1/entities/:id/person-candidates': get(`/api/v1/entities/${target}/person-candidates`, 404),
    'POST /api/v1/person-matches': send(
      'POST',
      '/api/v1/person-matches',
      { entityId: other, candidateId: target, decision: 'confirmed', reason: 'Probing the rule' },
      404,
    ),
    'GET /api/v1/search': get(`/api/v1/search?q=${encodeURIComponent(lookup.text)}`),
    'GET /api/v1/home': get('/api/v1/home'),
  };
}

const graphRoute = (url: string) =>
  /^\/api\/v1\/(entities|links|graph|charts|hits|access-requests|identifiers|extract|person-matches|search|home)(\/|$)/.test(
    url,
  ) || url.includes('/entities');

describe('every graph route, as an outsider', () => {
  it('has a probe for each route of the graph', () => {
    const routes = t.node.http.accessTable
      .filter((r) => graphRoute(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const none = { text: '', kind: '', identifier: '', normalised: [] };
    expect(Object.keys(probes('x', 'y', none)).sort()).toEqual(routes);
  });

  const informant: Lookup = {
    text: 'Kwon Haeun',
    kind: 'passport',
    identifier: passport,
    normalised: [`XX:${passport}`, `XX ${passport}`],
  };
  const informantPhone: Lookup = {
    text: '096 404 1177',
    kind: 'phone',
    identifier: '+855964041177',
    normalised: ['+855 96 404 1177'],
  };
  const victimPhone: Lookup = {
    text: '010-5858-9191',
    kind: 'phone',
    identifier: '010-5858-9191',
    normalised: [],
  };
  const outsiders = [
    {
      who: 'a same-agency analyst outside the RED case',
      client: () => analyst,
      target: () => ids.informant!,
      lookup: informant,
    },
    {
      who: 'the same analyst, on the RED case’s phone',
      client: () => analyst,
      target: () => ids.informantPhone!,
      lookup: informantPhone,
    },
    {
      who: 'a user without rescue rights',
      client: () => analyst,
      target: () => ids.victimPhone!,
      lookup: victimPhone,
    },
    {
      who: 'a rescue user off the rescue case’s team',
      client: () => rescueColleague,
      target: () => ids.victimPhone!,
      lookup: victimPhone,
    },
  ];
  for (const outsider of outsiders) {
    it(`answers ${outsider.who} as if the record did not exist`, async () => {
      const client = outsider.client();
      const saved = await client.post('/api/v1/charts', {
        name: 'Earlier chart',
        nodeIds: [ids.informant, ids.victimPhone],
      });
      ids.probeChart = saved.json().id;
      for (const [route, probe] of Object.entries(probes(outsider.target(), redCase, outsider.lookup))) {
        const response = await client.request(probe.request);
        const expected = [probe.status].flat();
        expect(expected, `${route}: ${response.statusCode} ${response.body}`).toContain(response.statusCode);
        // What the caller sent may come back (the query, the identifier read, the id asked for); nothing else.
        const sent = decodeURIComponent(JSON.stringify(probe.request));
        const echo = (s: string) => sent.includes(s) || outsider.lookup.normalised.includes(s);
        for (const secret of secrets.filter((s) => !echo(s)))
          expect(response.body, `${route} tells ${secret}`).not.toContain(secret);
      }
      const officerView = (await officer.get(`/api/v1/entities/${ids.informant}`)).json();
      expect(officerView.entity.version).toBe(1);
      expect(officerView.neighbours).toHaveLength(1);
    });
  }
});
