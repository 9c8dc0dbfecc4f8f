import type { Actor } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../events/event-bus.ts';
import { createTestCase, createTestEntity, createTestRescueReport } from '../testing/factories.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

// Joint operations through HTTP: plan with legal authority on both sides, the commander's GO, the log from the
// ground (arrests, a rescue, seizures) pushed live, completion (the compound raided), follow-ups, figures; and
// every refusal writes nothing.

let t: TestNode;
let commander: { client: TestClient; actor: Actor };
let investigator: { client: TestClient; actor: Actor };
let knpaInvestigator: TestClient;
let compoundId: string;
let caseId: string;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

function plan(overrides: Record<string, unknown> = {}) {
  return {
    codeName: 'WINTER GATE',
    objective: 'Raid the compound, arrest the ring, rescue the confined Korean nationals.',
    leadAgency: 'CNP',
    partnerAgency: 'KNPA',
    crimeTypes: ['voice_phishing'],
    caseIds: [caseId],
    targets: [
      { kind: 'compound', compoundId },
      { kind: 'person', label: 'PARK JUNHO (ringleader)' },
      { kind: 'address', address: 'Street 2004, Sangkat Kakab, Phnom Penh' },
    ],
    intelligence: {
      summary: 'Three buildings behind one wall.',
      estimatedOccupants: 120,
      buildings: 3,
      gates: 3,
      guards: 8,
      guardsArmed: true,
      routesIn: 'NH1 from Phnom Penh',
      routesOut: 'Dirt road east to the border',
      borderDistanceKm: 0.05,
    },
    teams: [
      {
        agencyCode: 'CNP',
        name: 'Entry team',
        role: 'entry',
        headcount: 40,
        leaderId: investigator.actor.userId,
      },
      { agencyCode: 'KNPA', name: 'Korean liaison', role: 'liaison', headcount: 3 },
    ],
    legalAuthority: [
      {
        agencyCode: 'CNP',
        kind: 'search_warrant',
        number: 'PP-2026-117',
        issuedBy: 'Phnom Penh Court',
        issuedOn: today(),
      },
      {
        agencyCode: 'KNPA',
        kind: 'arrest_warrant',
        number: 'SEOUL-2026-0042',
        issuedBy: 'Seoul Central District Court',
        issuedOn: today(),
      },
    ],
    timing: { briefingAt: hours(-1), plannedStart: hours(-0.5), plannedEnd: hours(6) },
    risks: [
      { description: 'Armed guards at the east gate', level: 'high', mitigation: 'Perimeter team first' },
    ],
    markings: { tlp: 'AMBER', handlingCode: 'H2' },
    ...overrides,
  };
}

async function countRows(
  table: 'operations' | 'operation_log' | 'operation_decisions' | 'audit_log' | 'entities',
) {
  const row = await t.node.app.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestNode();
  commander = await t.signInAs(['commander'], 'CNP');
  investigator = await t.signInAs(['investigator'], 'CNP');
  knpaInvestigator = await t.signIn(['investigator'], 'KNPA');
  const compound = await commander.client.post('/api/v1/compounds', {
    name: 'Mondulkiri Border Park',
    province: 'mondulkiri',
    lat: 12.2,
    lon: 107.4,
  });
  compoundId = compound.json().id;
  caseId = (
    await createTestCase(t.node.app, commander.actor, {
      assignedOfficerIds: [commander.actor.userId, investigator.actor.userId],
    })
  ).id;
});
afterAll(() => t.close());

describe('a joint operation', () => {
  it('is planned, decided GO, logged from the ground live, completed with its outcome', async () => {
    const created = await commander.client.post('/api/v1/operations', plan());
    expect(created.statusCode, created.body).toBe(201);
    const op = created.json();
    expect(op.reference).toMatch(/^CNP-OP-\d{4}-\d{4}$/);
    expect(op.status).toBe('planning');
    expect(op.targets[0]).toMatchObject({
      kind: 'compound',
      label: 'Mondulkiri Border Park',
      compoundStatus: 'active',
    });
    expect(op.teams[0].leaderName).toBe(investigator.actor.displayName);

    // An investigator cannot decide; the commander can.
    const refused = await investigator.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'go',
      version: op.version,
    });
    expect(refused.statusCode).toBe(403);
    const go = await commander.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'go',
      version: op.version,
    });
    expect(go.statusCode, go.body).toBe(200);
    expect(go.json()).toMatchObject({
      status: 'go',
      decisions: [{ decision: 'go', decidedBy: commander.actor.userId }],
    });

    const events: LiveEvent[] = [];
    const stop = t.node.app.events.subscribe((e) => {
      if (e.type === 'operation.log') events.push(e);
    });
    const url = `/api/v1/operations/${op.id}/log`;
    const suspect = await createTestEntity(t.node.app, investigator.actor, {
      type: 'person',
      properties: { names: [{ value: '박준호', script: 'hangul', kind: 'primary' }], nationalities: ['KR'] },
    });
    const entries = [
      { kind: 'arrived', text: 'At the outer gate' },
      { kind: 'entered' },
      {
        kind: 'arrest',
        arrest: {
          personEntityId: suspect.entity.id,
          name: '박준호',
          nationality: 'KR',
          arrestingAgency: 'CNP',
          crimeType: 'voice_phishing',
        },
      },
      {
        kind: 'arrest',
        arrest: {
          name: 'LI WEI',
          nationality: 'CN',
          birthDate: '1990-02-01',
          arrestingAgency: 'CNP',
          crimeType: 'investment',
        },
      },
      { kind: 'rescue', rescue: { name: 'KIM MINJUN', nationality: 'KR' } },
      { kind: 'seizure', seizure: { category: 'drugs', drugType: 'methamphetamine', weightGrams: 250.5 } },
      { kind: 'seizure', seizure: { category: 'cash', currency: 'USD', amount: 12000 } },
      { kind: 'seizure', seizure: { category: 'phone', count: 48, place: 'Building B, floor 3' } },
      { kind: 'secured', text: 'All three buildings secured' },
    ];
    for (const entry of entries) {
      const response = await investigator.client.post(url, entry);
      expect(response.statusCode, response.body).toBe(201);
    }
    // Across processes (LISTEN/NOTIFY on PostgreSQL) the last events may still be on their way.
    for (let i = 0; i < 100 && events.length < entries.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(events.map((e) => (e.payload as { entry: { kind: string } }).entry.kind)).toEqual(
      entries.map((e) => e.kind),
    );
    expect(events[0]!.audience).toMatchObject({
      agencyCodes: expect.arrayContaining(['CNP', 'KNPA']),
      permission: 'operations.read',
    });

    const read = await knpaInvestigator.get(`/api/v1/operations/${op.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const after = read.json();
    expect(after.status).toBe('under_way');
    expect(after.log.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(after.tally).toMatchObject({
      arrests: 2,
      arrestsByNationality: { KR: 1, CN: 1 },
      rescues: 1,
      drugsGrams: { methamphetamine: 250.5 },
      cash: { USD: 12000 },
    });
    // The new person is a graph person, placed in the operation's case as a suspect.
    const liWei = after.arrests.find((a: { name: string }) => a.name === 'LI WEI');
    const members = await t.node.app.db
      .selectFrom('case_entities')
      .select(['entity_id', 'role'])
      .where('case_id', '=', caseId)
      .execute();
    expect(members).toContainEqual({ entity_id: liWei.personEntityId, role: 'suspect' });
    // The rescued person has a rescue case, moved to "rescued".
    const rescueCase = await t.node.app.db
      .selectFrom('rescue_cases')
      .select(['state', 'reference'])
      .where('id', '=', after.rescues[0].rescueCaseId)
      .executeTakeFirstOrThrow();
    expect(rescueCase.state).toBe('rescued');
    expect(after.rescues[0].rescueCaseReference).toBe(rescueCase.reference);
    // Seizures carry the measure the evidence register needs.
    expect(after.seizures.map((s: { unit: string; quantity: number }) => [s.unit, s.quantity])).toEqual([
      ['g', 250.5],
      ['USD', 12000],
      ['item', 48],
    ]);

    const done = await commander.client.post(`/api/v1/operations/${op.id}/complete`, {
      summary: 'Two arrested, one rescued.',
      version: after.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      targets: [{ compoundStatus: 'raided' }, {}, {}],
    });
    expect((await commander.client.get(`/api/v1/compounds/${compoundId}`)).json().status).toBe('raided');
    // The log is closed.
    expect((await investigator.client.post(url, { kind: 'note', text: 'late' })).statusCode).toBe(409);

    const task = await commander.client.post(`/api/v1/operations/${op.id}/follow-ups`, {
      caseId,
      title: 'Request the suspects’ removal to Korea',
    });
    expect(task.statusCode, task.body).toBe(201);
    const tasks = (await commander.client.get(`/api/v1/cases/${caseId}/tasks`)).json();
    expect(tasks.map((x: { id: string }) => x.id)).toContain(task.json().taskId);

    const stats = (await commander.client.get('/api/v1/operations/stats')).json();
    expect(stats.totals).toMatchObject({ arrests: 2, rescues: 1 });
    expect(stats.arrestsByNationality).toEqual(
      expect.arrayContaining([
        { key: 'KR', count: 1 },
        { key: 'CN', count: 1 },
      ]),
    );
    expect(stats.arrestsByAgency).toEqual([{ key: 'CNP', count: 2 }]);
    expect(stats.operations.find((o: { id: string }) => o.id === op.id)).toMatchObject({
      arrests: 2,
      rescues: 1,
      seizures: 3,
    });
  });

  it('refuses a GO without legal authority on both sides, naming the missing side, and writes nothing', async () => {
    const op = (
      await commander.client.post('/api/v1/operations', plan({ legalAuthority: [plan().legalAuthority[0]] }))
    ).json();
    const before = await Promise.all([countRows('operation_decisions'), countRows('audit_log')]);
    const go = await commander.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'go',
      version: op.version,
    });
    expect(go.statusCode).toBe(400);
    expect(go.json().detail).toContain('KNPA');
    expect(go.json().fields).toEqual([
      expect.objectContaining({ path: '/legalAuthority', params: { agency: 'KNPA', problem: 'missing' } }),
    ]);
    expect(await Promise.all([countRows('operation_decisions'), countRows('audit_log')])).toEqual(before);
    expect((await commander.client.get(`/api/v1/operations/${op.id}`)).json().status).toBe('planning');
    // Nothing is logged before a GO.
    expect(
      (await investigator.client.post(`/api/v1/operations/${op.id}/log`, { kind: 'arrived' })).statusCode,
    ).toBe(409);
    // A NO-GO needs a reason.
    const noGo = await commander.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'no_go',
      version: op.version,
    });
    expect(noGo.statusCode).toBe(400);
    expect(noGo.json().fields[0].path).toBe('/reason');
  });

  it('refuses impossible timing and bad references, naming the field, writing nothing', async () => {
    const before = await countRows('operations');
    const backwards = await commander.client.post(
      '/api/v1/operations',
      plan({ timing: { plannedStart: hours(5), plannedEnd: hours(2) } }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields[0].path).toBe('/timing/plannedEnd');
    const lateBriefing = await commander.client.post(
      '/api/v1/operations',
      plan({ timing: { briefingAt: hours(3), plannedStart: hours(2), plannedEnd: hours(4) } }),
    );
    expect(lateBriefing.json().fields[0].path).toBe('/timing/briefingAt');
    const expired = await commander.client.post(
      '/api/v1/operations',
      plan({
        legalAuthority: [{ ...plan().legalAuthority[0], issuedOn: '2026-02-01', validUntil: '2026-01-01' }],
      }),
    );
    expect(expired.json().fields[0].path).toBe('/legalAuthority/0/validUntil');
    const ghosts = await commander.client.post(
      '/api/v1/operations',
      plan({
        targets: [{ kind: 'compound', compoundId: '00000000-0000-4000-8000-000000000000' }],
        teams: [
          { agencyCode: 'KNPA', name: 'X', role: 'entry', headcount: 1, leaderId: investigator.actor.userId },
        ],
      }),
    );
    expect(ghosts.statusCode).toBe(400);
    expect(ghosts.json().fields.map((f: { path: string }) => f.path)).toEqual([
      '/teams/0/leaderId',
      '/targets/0/compoundId',
    ]);
    const plain = await t.signIn(['investigator'], 'CNP');
    expect((await plain.post('/api/v1/operations', plan())).statusCode).toBe(403);
    expect(await countRows('operations')).toBe(before);
  });

  it('takes a retried log entry once, and refuses a bad one without writing it', async () => {
    const op = (await commander.client.post('/api/v1/operations', plan())).json();
    await commander.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'go',
      version: op.version,
    });
    const url = `/api/v1/operations/${op.id}/log`;
    const clientId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const first = await investigator.client.post(url, { clientId, kind: 'arrived' });
    const again = await investigator.client.post(url, { clientId, kind: 'arrived' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().id).toBe(first.json().id);
    const before = await Promise.all([
      countRows('operation_log'),
      countRows('entities'),
      countRows('audit_log'),
    ]);
    const bad = [
      { kind: 'arrest' },
      {
        kind: 'arrest',
        arrest: { name: 'X', nationality: 'Korea', arrestingAgency: 'CNP', crimeType: 'voice_phishing' },
      },
      {
        kind: 'arrest',
        arrest: {
          personEntityId: '00000000-0000-4000-8000-000000000000',
          name: 'X',
          nationality: 'KR',
          arrestingAgency: 'CNP',
          crimeType: 'voice_phishing',
        },
      },
      { kind: 'seizure', seizure: { category: 'drugs', drugType: 'heroin', weightGrams: -3 } },
      { kind: 'note', text: 'from the future', at: hours(2) },
      {
        kind: 'rescue',
        rescue: { rescueCaseId: '00000000-0000-4000-8000-000000000000', name: 'Y', nationality: 'KR' },
      },
    ];
    const paths = [];
    for (const entry of bad) {
      const response = await investigator.client.post(url, entry);
      expect(response.statusCode, response.body).toBe(400);
      paths.push(response.json().fields[0].path);
    }
    expect(paths).toEqual([
      '/arrest',
      '/arrest/nationality',
      '/arrest/personEntityId',
      '/seizure/weightGrams',
      '/at',
      '/rescue/rescueCaseId',
    ]);
    expect(
      await Promise.all([countRows('operation_log'), countRows('entities'), countRows('audit_log')]),
    ).toEqual(before);
  });

  it('links an existing rescue case of the team and hides a RED plan from the partner agency', async () => {
    const rescueCase = await createTestRescueReport(t.node.app, investigator.actor);
    const op = (
      await commander.client.post(
        '/api/v1/operations',
        plan({ markings: { tlp: 'RED', handlingCode: 'H2' } }),
      )
    ).json();
    expect((await knpaInvestigator.get(`/api/v1/operations/${op.id}`)).statusCode).toBe(404);
    expect(
      (await knpaInvestigator.get('/api/v1/operations')).json().operations.map((o: { id: string }) => o.id),
    ).not.toContain(op.id);
    // The team leader named on the plan sees it.
    expect((await investigator.client.get(`/api/v1/operations/${op.id}`)).statusCode).toBe(200);
    await commander.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'go',
      version: op.version,
    });
    const rescued = await investigator.client.post(`/api/v1/operations/${op.id}/log`, {
      kind: 'rescue',
      rescue: { rescueCaseId: rescueCase.caseId, name: 'KIM MINJUN', nationality: 'KR' },
    });
    expect(rescued.statusCode, rescued.body).toBe(201);
    const linked = (await investigator.client.get(`/api/v1/operations/${op.id}`)).json().rescues[0];
    expect(linked).toMatchObject({
      rescueCaseId: rescueCase.caseId,
      rescueCaseReference: rescueCase.reference,
    });
  });

  it('links a wanted fugitive arrested on the raid and moves him to arrested in the register', async () => {
    const fugitive = await commander.client.post('/api/v1/fugitives', {
      names: [
        { value: '한복남', script: 'hangul', kind: 'primary' },
        { value: 'HAN BOKNAM', script: 'latin', kind: 'passport' },
      ],
      birthDate: '1988-03-14',
      nationality: 'KR',
      passport: { number: 'M12345678', status: 'invalidation_requested' },
      warrant: {
        number: '2026-고합-1234',
        court: 'Seoul Central District Court',
        charges: ['Fraud (voice phishing)'],
        issuedOn: '2026-01-10',
        expiresOn: '2030-01-10',
      },
      dangerMarkers: [],
      crimeTypes: [],
      markings: { tlp: 'AMBER', handlingCode: 'H1' },
    });
    expect(fugitive.statusCode, fugitive.body).toBe(201);
    const fugitiveId = fugitive.json().id;
    const op = (
      await commander.client.post(
        '/api/v1/operations',
        plan({ targets: [{ kind: 'person', label: 'HAN BOKNAM', fugitiveId }] }),
      )
    ).json();
    expect(op.targets[0]).toMatchObject({ kind: 'person', fugitiveId });
    await commander.client.post(`/api/v1/operations/${op.id}/decision`, {
      decision: 'go',
      version: op.version,
    });
    const arrested = await investigator.client.post(`/api/v1/operations/${op.id}/log`, {
      kind: 'arrest',
      arrest: {
        name: 'HAN BOKNAM',
        nationality: 'KR',
        fugitiveId,
        arrestingAgency: 'CNP',
        crimeType: 'voice_phishing',
      },
    });
    expect(arrested.statusCode, arrested.body).toBe(201);
    const detail = (await commander.client.get(`/api/v1/operations/${op.id}`)).json();
    expect(detail.arrests[0]).toMatchObject({ fugitiveId });
    expect(detail.tally.fugitivesArrested).toBe(1);
    const register = (await commander.client.get(`/api/v1/fugitives/${fugitiveId}`)).json();
    expect(register.fugitive.status).toBe('arrested');
    expect(register.steps.at(-1)).toMatchObject({
      state: 'arrested',
      note: expect.stringContaining(op.reference),
    });
  });
});
