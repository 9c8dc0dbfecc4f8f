import type { Actor } from '@liaison/core';
import type { FugitiveInputRaw } from '@liaison/core/fugitives/schemas';
import { FugitiveInput, FugitiveStepInput } from '@liaison/core/fugitives/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../context.ts';
import { comparable, pdfPagesText } from '../../operations/briefing/pdf-text.ts';
import { createTestUser } from '../../testing/factories.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { addFugitiveStep, createFugitive } from '../fugitives-service.ts';
import { manifestData } from './manifest-data.ts';
import { renderManifestPdf } from './manifest-pdf.ts';
import { loadRemoval } from './removal-read.ts';

let t: TestNode;
let planner: TestClient;
let plannerActor: Actor;
let officers: string[];
const day = 86_400_000;
const t0 = Date.now();
const at = (ms: number) => new Date(t0 + ms).toISOString();

let passportSeq = 0;
/** A fugitive entered in the register and arrested and detained, through the register's own writes. */
async function detainedFugitive(hangul: string, latin: string): Promise<string> {
  passportSeq += 1;
  const raw: FugitiveInputRaw = {
    names: [
      { value: hangul, script: 'hangul', kind: 'primary' },
      { value: latin, script: 'latin', kind: 'passport' },
    ],
    birthDate: `199${passportSeq % 10}-0${(passportSeq % 9) + 1}-1${passportSeq % 10}`,
    nationality: 'KR',
    passport: { number: `M${String(70_000_000 + passportSeq)}` },
    warrant: {
      number: `2025-SEOUL-${1000 + passportSeq}`,
      court: 'Seoul Central District Court',
      charges: ['Fraud (voice phishing)'],
      issuedOn: '2025-10-01',
      expiresOn: '2027-10-01',
    },
    markings: { tlp: 'AMBER', handlingCode: 'H0' },
  };
  const ctx = systemCtx(t.node.app);
  const f = await createFugitive(ctx, plannerActor, FugitiveInput.parse(raw));
  for (const [state, when, details] of [
    ['arrested', -3 * day, {}],
    ['detained', -2 * day, { facility: 'Immigration detention centre, Phnom Penh' }],
  ] as const)
    await addFugitiveStep(
      ctx,
      plannerActor,
      f.id,
      FugitiveStepInput.parse({ state, occurredAt: at(when), details }),
    );
  return f.id;
}

const plan = (fugitiveIds: string[]) => ({
  kind: 'deportation',
  receivingUnit: { name: 'KNPA — Incheon Airport Police Unit', place: 'Incheon International Airport T2' },
  suspects: fugitiveIds.map((fugitiveId) => ({ fugitiveId })),
});
const commercial = (suspectIds: string[] = []) => ({
  kind: 'commercial',
  airline: 'Korean Air',
  flightNumber: 'KE690',
  from: 'PNH',
  to: 'ICN',
  departsAt: at(day + 3_600_000),
  arrivesAt: at(day + 8 * 3_600_000),
  suspectIds,
});
const put = (client: TestClient, url: string, payload: unknown) =>
  client.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });
const pathsOf = (body: { fields?: { path: string }[] }) => (body.fields ?? []).map((f) => f.path);

async function auditActions(id: string): Promise<string[]> {
  const rows = await t.node.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('record_type', '=', 'removal')
    .where('record_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await startTestNode();
  const signed = await t.signInAs(['investigator']);
  planner = signed.client;
  plannerActor = signed.actor;
  officers = [];
  for (let i = 0; i < 8; i++)
    officers.push((await createTestUser(t.node.app, ['investigator'])).actor.userId!);
}, 120_000);
afterAll(() => t?.close());

describe('a removal of two suspects on one commercial flight', () => {
  let removalId: string;
  let suspects: string[];
  let fugitives: string[];

  it('is planned within the escort rule, and a third suspect makes the planner propose a charter', async () => {
    fugitives = [
      await detainedFugitive('한복남', 'HAN BOKNAM'),
      await detainedFugitive('박지수', 'PARK JISOO'),
    ];
    const created = await planner.post('/api/v1/removals', plan(fugitives));
    expect(created.statusCode).toBe(201);
    const view = created.json();
    removalId = view.id;
    expect(view.reference).toMatch(/^RM-\d{4}-\d{4}$/);
    expect(view.suspects.map((s: { name: string }) => s.name)).toEqual(['HAN BOKNAM', 'PARK JISOO']);
    expect(view.suspects[0]).toMatchObject({
      nameLocal: '한복남',
      warrantNumber: expect.stringMatching(/SEOUL/),
    });
    expect(view.proposal).toMatchObject({ kind: 'commercial', reason: 'commercial_fits', escortsNeeded: 4 });
    suspects = view.suspects.map((s: { id: string }) => s.id);

    const flown = await planner.post(`/api/v1/removals/${removalId}/flights`, commercial(suspects));
    expect(flown.statusCode).toBe(200);
    const proposal = await planner.post(`/api/v1/removals/${removalId}/escort-proposal`, { pool: officers });
    expect(proposal.statusCode).toBe(200);
    const { assignments, shortBy } = proposal.json();
    expect(shortBy).toBe(0);
    expect(assignments.map((a: { userIds: string[] }) => a.userIds.length)).toEqual([2, 2]);
    const escorts = assignments.flatMap((a: { suspectId: string; userIds: string[] }) =>
      a.userIds.map((userId) => ({ suspectId: a.suspectId, userId })),
    );
    const withEscorts = await planner.post(`/api/v1/removals/${removalId}/escorts`, { escorts });
    expect(withEscorts.statusCode).toBe(200);
    expect(withEscorts.json().problems).toEqual([]);

    // A third suspect: the proposal becomes a charter, and the commercial flight refuses him.
    const third = await detainedFugitive('최영호', 'CHOI YOUNGHO');
    const added = await planner.post(`/api/v1/removals/${removalId}/suspects`, {
      suspects: [{ fugitiveId: third }],
    });
    expect(added.statusCode).toBe(200);
    const three = added.json();
    expect(three.proposal).toMatchObject({ kind: 'charter', reason: 'charter_over_limit', suspects: 3 });
    expect(three.proposal.explanation).toContain('2 escorted suspects');
    const thirdId = three.suspects[2].id;
    const flightId = three.flights[0].id;
    const refused = await put(planner, `/api/v1/removals/${removalId}/suspects/${thirdId}/flight`, {
      flightId,
    });
    expect(refused.statusCode).toBe(400);
    expect(pathsOf(refused.json())).toEqual(['/flightId']);
    expect(refused.json().detail).toContain('the rule allows 2');
    const split = await planner.post(`/api/v1/removals/${removalId}/proposal`, { mode: 'commercial' });
    expect(split.json().flights.map((f: { suspects: number }) => f.suspects)).toEqual([2, 1]);
    // Nothing was written by the refusal: the plan's version is the one after the addition.
    expect((await planner.get(`/api/v1/removals/${removalId}`)).json().version).toBe(three.version);
    // Confirming now is refused, naming the third suspect's flight and escorts.
    const early = await planner.post(`/api/v1/removals/${removalId}/confirm`);
    expect(early.statusCode).toBe(400);
    expect(pathsOf(early.json())).toEqual(['/suspects/2/flightId', '/suspects/2/escorts']);
    const out = await planner.delete(`/api/v1/removals/${removalId}/suspects/${thirdId}`);
    expect(out.statusCode).toBe(200);
  });

  it('is confirmed, boarded with the warrant executed, handed over, and the fugitives move on', async () => {
    const confirmed = await planner.post(`/api/v1/removals/${removalId}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    const ctx = systemCtx(t.node.app);
    for (const id of fugitives)
      expect(
        (
          await t.node.app.db
            .selectFrom('fugitives')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe('removal_in_progress');

    const realNow = t.node.app.now;
    t.node.app.now = () => new Date(t0 + 2 * day);
    try {
      // Two days on, with an officer signed in then (the planner's session would have ended).
      const escortLead = await t.signIn(['investigator']);
      // The warrant is executed on boarding: not before it, and by someone named.
      const early = await escortLead.post(`/api/v1/removals/${removalId}/suspects/${suspects[0]}/boarding`, {
        boardedAt: at(day + 1_800_000),
        warrantExecutedAt: at(day),
      });
      expect(early.statusCode).toBe(400);
      expect(pathsOf(early.json())).toEqual(['/warrantExecutedBy', '/warrantExecutedAt']);
      for (const suspectId of suspects) {
        const boarded = await escortLead.post(
          `/api/v1/removals/${removalId}/suspects/${suspectId}/boarding`,
          {
            boardedAt: at(day + 1_800_000),
            warrantExecutedBy: 'Inspector KIM Taeyang (KNPA)',
            warrantExecutedAt: at(day + 2_400_000),
          },
        );
        expect(boarded.statusCode).toBe(200);
      }
      const inTransit = (await escortLead.get(`/api/v1/removals/${removalId}`)).json();
      expect(inTransit.status).toBe('in_transit');
      expect(inTransit.suspects[0]).toMatchObject({ warrantExecutedBy: 'Inspector KIM Taeyang (KNPA)' });
      const tooEarly = await escortLead.post(`/api/v1/removals/${removalId}/handover`, {
        at: at(day + 2 * 3_600_000),
        receivedBy: 'Supt. LEE Minho',
      });
      expect(pathsOf(tooEarly.json())).toEqual(['/at']);
      const handed = await escortLead.post(`/api/v1/removals/${removalId}/handover`, {
        at: at(day + 9 * 3_600_000),
        receivedBy: 'Supt. LEE Minho',
      });
      expect(handed.statusCode).toBe(200);
      expect(handed.json()).toMatchObject({ status: 'handed_over', receivedBy: 'Supt. LEE Minho' });
    } finally {
      t.node.app.now = realNow;
    }
    for (const id of fugitives) {
      const steps = await t.node.app.db
        .selectFrom('fugitive_steps')
        .select(['state', 'details'])
        .where('fugitive_id', '=', id)
        .orderBy('seq')
        .execute();
      expect(steps.map((s) => s.state).slice(-2)).toEqual(['removal_in_progress', 'handed_over']);
      expect(steps.at(-1)?.details).toMatchObject({ receivingUnit: 'KNPA — Incheon Airport Police Unit' });
    }
    expect(ctx.app).toBe(t.node.app);
    expect(await auditActions(removalId)).toEqual([
      'removal.created',
      'removal.flight_added',
      'removal.escorts_added',
      'removal.suspects_added',
      'removal.suspect_removed',
      'removal.confirmed',
      'removal.boarded',
      'removal.boarded',
      'removal.handed_over',
    ]);
  });

  it('produces the manifest as PDF and CSV, bilingual, with passports, seats and escorts', async () => {
    const pdf = await planner.get(`/api/v1/removals/${removalId}/manifest.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await planner.get(`/api/v1/removals/${removalId}/manifest.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Name / 성명');
    expect(lines[0]).toContain('Passport / 여권번호');
    expect(lines).toHaveLength(1 + 2 + 4);
    const han = lines.find((l) => l.includes('HAN BOKNAM') && l.includes('Suspect'))!;
    expect(han).toContain('한복남');
    expect(han).toMatch(/M7000000\d/);
    expect(lines.filter((l) => l.includes('Escort / 호송관') && l.includes('HAN BOKNAM'))).toHaveLength(2);
    expect((await auditActions(removalId)).filter((a) => a === 'removal.manifest_produced')).toHaveLength(2);
  });
});

describe('bad input, refused naming the field, nothing half-written', () => {
  let removalId: string;
  let fugitive: string;

  beforeAll(async () => {
    fugitive = await detainedFugitive('윤서연', 'YOON SEOYEON');
    removalId = (await planner.post('/api/v1/removals', plan([fugitive]))).json().id;
  });

  it('refuses an arrival before the departure', async () => {
    const r = await planner.post(`/api/v1/removals/${removalId}/flights`, {
      ...commercial(),
      arrivesAt: at(day - 3_600_000),
    });
    expect(r.statusCode).toBe(400);
    expect(pathsOf(r.json())).toEqual(['/arrivesAt']);
    expect((await planner.get(`/api/v1/removals/${removalId}`)).json().flights).toEqual([]);
  });

  it('refuses a suspect on two flights, and in two removals', async () => {
    const view = (await planner.get(`/api/v1/removals/${removalId}`)).json();
    const suspectId = view.suspects[0].id;
    const one = (await planner.post(`/api/v1/removals/${removalId}/flights`, commercial([suspectId]))).json();
    const two = await planner.post(`/api/v1/removals/${removalId}/flights`, {
      ...commercial([suspectId]),
      flightNumber: 'OZ740',
    });
    expect(two.statusCode).toBe(400);
    expect(pathsOf(two.json())).toEqual(['/suspectIds/0']);
    expect(two.json().fields[0].message).toContain('already on flight KE690');
    expect((await planner.get(`/api/v1/removals/${removalId}`)).json().flights).toHaveLength(1);
    const elsewhere = await planner.post('/api/v1/removals', plan([fugitive]));
    expect(elsewhere.statusCode).toBe(400);
    expect(pathsOf(elsewhere.json())).toEqual(['/suspects/0/fugitiveId']);
    expect(elsewhere.json().fields[0].message).toContain(`already in removal ${one.reference}`);
  });

  it('puts a fugitive in one removal when two plans take him at once', async () => {
    const wanted = await detainedFugitive('강도윤', 'KANG DOYUN');
    const answers = await Promise.all([
      planner.post('/api/v1/removals', plan([wanted])),
      planner.post('/api/v1/removals', plan([wanted])),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes[0]).toBe(201);
    expect([400, 409]).toContain(codes[1]);
    const refused = answers.find((a) => a.statusCode !== 201)!.json();
    expect(pathsOf(refused)[0]).toMatch(/^\/suspects/);
    const holding = await t.node.app.db
      .selectFrom('removal_suspects')
      .select('id')
      .where('fugitive_id', '=', wanted)
      .execute();
    expect(holding).toHaveLength(1);
  });

  it('refuses a bulk addition with one bad entry whole', async () => {
    const other = await detainedFugitive('임하늘', 'LIM HANEUL');
    const r = await planner.post(`/api/v1/removals/${removalId}/suspects`, {
      suspects: [{ fugitiveId: other }, { fugitiveId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(r.statusCode).toBe(400);
    expect(pathsOf(r.json())).toEqual(['/suspects/1/fugitiveId']);
    expect((await planner.get(`/api/v1/removals/${removalId}`)).json().suspects).toHaveLength(1);
  });

  it('refuses to confirm with escorts below the rule, and an officer escorting twice', async () => {
    const view = (await planner.get(`/api/v1/removals/${removalId}`)).json();
    const suspectId = view.suspects[0].id;
    await planner.post(`/api/v1/removals/${removalId}/escorts`, {
      escorts: [{ suspectId, userId: officers[0] }],
    });
    const r = await planner.post(`/api/v1/removals/${removalId}/confirm`);
    expect(r.statusCode).toBe(400);
    expect(pathsOf(r.json())).toEqual(['/suspects/0/escorts']);
    expect(r.json().fields[0].message).toContain('has 1 escort: the rule is 2');
    const twice = await planner.post(`/api/v1/removals/${removalId}/escorts`, {
      escorts: [{ suspectId, userId: officers[0] }],
    });
    expect(twice.statusCode).toBe(400);
    expect(pathsOf(twice.json())).toEqual(['/escorts/0/userId']);
    const after = (await planner.get(`/api/v1/removals/${removalId}`)).json();
    expect(after).toMatchObject({ status: 'planning' });
    expect(after.members).toHaveLength(1);
  });

  it('refuses a charter over its seats', async () => {
    const charterPlan = (await planner.post('/api/v1/removals', plan([]))).json();
    const r = await planner.post(`/api/v1/removals/${charterPlan.id}/flights`, {
      ...commercial(),
      kind: 'charter',
      flightNumber: 'KE9601',
      seats: 2,
    });
    const flightId = r.json().flights[0].id;
    const crowd = await planner.post(`/api/v1/removals/${charterPlan.id}/members`, {
      members: ['A', 'B', 'C'].map((n) => ({ role: 'crew', flightId, name: `Crew ${n}` })),
    });
    expect(crowd.statusCode).toBe(400);
    expect(pathsOf(crowd.json())).toEqual(['/members']);
    expect((await planner.get(`/api/v1/removals/${charterPlan.id}`)).json().members).toEqual([]);
  });

  it('keeps a removal to its agency and its writers', async () => {
    const cnp = await t.signIn(['investigator'], 'CNP');
    expect((await cnp.get(`/api/v1/removals/${removalId}`)).statusCode).toBe(404);
    expect((await cnp.get('/api/v1/removals')).json()).toEqual([]);
    const analyst = await t.signIn(['analyst']);
    expect((await analyst.get(`/api/v1/removals/${removalId}`)).statusCode).toBe(200);
    expect((await analyst.post('/api/v1/removals', plan([]))).statusCode).toBe(403);
    const consular = await t.signIn(['consular_officer']);
    expect((await consular.get(`/api/v1/removals/${removalId}`)).statusCode).toBe(403);
  });
});

describe('a 73-person charter', () => {
  it('is easy: bulk suspects, escorts proposed from the pool, crew and medical staff; the manifest has every name', async () => {
    const names: [string, string][] = Array.from({ length: 22 }, (_, i) => [
      `김민${String.fromCharCode(0xac00 + i * 28)}`,
      `KIM MIN${String.fromCharCode(65 + i)}${String.fromCharCode(65 + ((i * 7) % 26))}`,
    ]);
    const fugitives: string[] = [];
    for (const [hangul, latin] of names) fugitives.push(await detainedFugitive(hangul, latin));
    const created = (await planner.post('/api/v1/removals', plan(fugitives))).json();
    expect(created.proposal).toMatchObject({ kind: 'charter', suspects: 22, escortsNeeded: 44 });
    const suspectIds = created.suspects.map((s: { id: string }) => s.id);
    const charter = await planner.post(`/api/v1/removals/${created.id}/flights`, {
      ...commercial(suspectIds),
      kind: 'charter',
      flightNumber: 'KE9601',
      seats: 73,
    });
    expect(charter.statusCode).toBe(200);
    const flightId = charter.json().flights[0].id;
    const pool: string[] = [];
    for (let i = 0; i < 44; i++)
      pool.push((await createTestUser(t.node.app, ['investigator'])).actor.userId!);
    const proposal = (await planner.post(`/api/v1/removals/${created.id}/escort-proposal`, { pool })).json();
    expect(proposal.shortBy).toBe(0);
    const escorts = proposal.assignments.flatMap((a: { suspectId: string; userIds: string[] }) =>
      a.userIds.map((userId) => ({ suspectId: a.suspectId, userId })),
    );
    expect((await planner.post(`/api/v1/removals/${created.id}/escorts`, { escorts })).statusCode).toBe(200);
    const others = [
      ...Array.from({ length: 4 }, (_, i) => ({
        role: 'crew',
        name: `Crew member ${i + 1}`,
        agency: 'Korean Air',
      })),
      { role: 'medical', name: '정수민', agency: 'National Medical Center' },
      { role: 'medical', name: 'Dr. SON Yejin', agency: 'National Medical Center' },
      { role: 'interpreter', name: 'សុខ ចាន់ថា', agency: 'CNP' },
    ].map((m, i) => ({ ...m, flightId, seat: `${40 + i}A` }));
    const withOthers = await planner.post(`/api/v1/removals/${created.id}/members`, { members: others });
    expect(withOthers.statusCode).toBe(200);
    expect(withOthers.json().problems).toEqual([]);
    // One more would be the 74th on 73 seats.
    const extra = await planner.post(`/api/v1/removals/${created.id}/members`, {
      members: [{ role: 'other', flightId, name: 'One too many' }],
    });
    expect(extra.statusCode).toBe(400);

    const rows = await loadRemoval(t.node.app.db, plannerActor, created.id);
    const data = manifestData(rows, new Date());
    expect(data.total).toBe(73);
    const drawn: string[] = [];
    const pdf = await renderManifestPdf(data, (doc) => {
      const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
      doc.text = ((...args: unknown[]) => {
        drawn.push(String(args[0]));
        return text(...args);
      }) as typeof doc.text;
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const everyone = [
      ...rows.suspects.flatMap((s) => [s.name, s.name_local!]),
      ...rows.members.map((m) => m.name),
    ];
    expect(everyone).toHaveLength(22 * 2 + 44 + 7);
    for (const name of everyone) expect(drawn).toContain(name);
    expect(drawn).toContain('សុខ ចាន់ថា');
    expect(drawn.some((d) => d.includes('Page 3 of'))).toBe(true);
    // And what a reader gets out of the file the node serves: every name, Hangul and Khmer included, whole.
    const served = await planner.get(`/api/v1/removals/${created.id}/manifest.pdf`);
    const pages = pdfPagesText(served.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = comparable(pages.join('\n'));
    for (const name of everyone) expect(text).toContain(comparable(name));
    // The headers in English over Korean: Name / 성명, Passport / 여권번호, Escorts / 호송관.
    for (const word of [
      'Name',
      '성명',
      'Passport',
      '여권번호',
      'Escorts',
      '호송관',
      'Removal manifest / 송환 탑승자 명단',
    ])
      expect(text).toContain(word);
  }, 300_000);
});
