import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FugitiveInputRaw } from '@liaison/core/fugitives/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody, multipartBody, tinyPng } from '../cases/testing/case-fixtures.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { runFugitiveWatch } from './watch-job.ts';

let t: TestNode;
let dataDir: string;
let knpa: TestClient;
let cnp: TestClient;
let analyst: TestClient;
let consular: TestClient;
let otherKnpa: TestClient;

const dayMs = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * dayMs);
const dateIn = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

function hanBoknam(overrides: Partial<FugitiveInputRaw> = {}): FugitiveInputRaw {
  return {
    names: [
      { value: '한복남', script: 'hangul', kind: 'primary' },
      { value: 'HAN BOKNAM', script: 'latin', kind: 'passport' },
      { value: 'Big Han', script: 'latin', kind: 'alias' },
    ],
    birthDate: '1988-03-14',
    nationality: 'KR',
    sex: 'male',
    passport: { number: 'M12345678', status: 'invalidation_requested' },
    warrant: {
      number: '2026-고합-1234',
      court: 'Seoul Central District Court',
      charges: ['Fraud (voice phishing)', 'Organised crime'],
      issuedOn: dateIn(-200),
      expiresOn: dateIn(500),
    },
    interpol: { noticeType: 'red', reference: 'A-1234/5-2026', status: 'published' },
    dangerMarkers: [{ code: 'violent' }],
    crimeTypes: [],
    markings: { tlp: 'AMBER', handlingCode: 'H1' },
    ...overrides,
  };
}

async function count(table: 'fugitives' | 'fugitive_steps' | 'fugitive_sightings' | 'fugitive_files') {
  const row = await t.node.app.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditActions(id: string): Promise<string[]> {
  const rows = await t.node.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('record_type', '=', 'fugitive')
    .where('record_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-fugitives-'));
  t = await startTestNode({ dataDir });
  knpa = await t.signIn(['liaison_officer'], 'KNPA');
  otherKnpa = await t.signIn(['investigator'], 'KNPA');
  cnp = await t.signIn(['investigator'], 'CNP');
  analyst = await t.signIn(['analyst'], 'KNPA');
  consular = await t.signIn(['consular_officer'], 'MOFA');
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

let hanId: string;

describe('entering a wanted person', () => {
  it('enters him with names in every script, a Red Notice and the warrant; the first step is "wanted"', async () => {
    const response = await knpa.post('/api/v1/fugitives', hanBoknam());
    expect(response.statusCode).toBe(201);
    const fugitive = response.json();
    hanId = fugitive.id;
    expect(fugitive.reference).toMatch(/^KNPA-F-\d{4}-0001$/);
    expect(fugitive.passport).toMatchObject({ number: 'KR:M12345678', status: 'invalidation_requested' });
    expect(fugitive.status).toBe('wanted');
    expect(fugitive.flags).toMatchObject({ warrant: null, stalled: false });
    const detail = (await knpa.get(`/api/v1/fugitives/${hanId}`)).json();
    expect(detail.steps).toHaveLength(1);
    expect(detail.steps[0]).toMatchObject({ seq: 1, state: 'wanted', fromState: null });
    expect(detail.nextStates).toContain('sighted');
    expect(await auditActions(hanId)).toEqual(['fugitive.created']);
  });

  it('refuses the same passport again, naming the record on file, and writes nothing', async () => {
    const before = await count('fugitives');
    const response = await knpa.post(
      '/api/v1/fugitives',
      hanBoknam({
        names: [{ value: '김철수', script: 'hangul', kind: 'primary' }],
        birthDate: '1990-01-01',
        passport: { number: 'KR M1234 5678', status: 'valid' },
      }),
    );
    expect(response.statusCode).toBe(409);
    const problem = response.json();
    expect(problem.detail).toContain('KNPA-F-');
    expect(problem.fields[0].path).toBe('/passport/number');
    expect(await count('fugitives')).toBe(before);
  });

  it('refuses the same name and birth date in another spelling order, without a passport', async () => {
    const response = await knpa.post(
      '/api/v1/fugitives',
      hanBoknam({
        names: [{ value: 'Boknam HAN', script: 'latin', kind: 'passport' }],
        passport: undefined,
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().fields[0].path).toBe('/names');
    expect(response.json().detail).toContain('name and birth date');
  });

  it('refuses a warrant that expires before it was issued, a bad passport and a birth in the future', async () => {
    const before = await count('fugitives');
    const expiry = await knpa.post(
      '/api/v1/fugitives',
      hanBoknam({
        names: [{ value: '박지성', script: 'hangul', kind: 'primary' }],
        passport: undefined,
        warrant: {
          number: 'W-1',
          court: 'Busan District Court',
          charges: ['Fraud'],
          issuedOn: '2026-05-01',
          expiresOn: '2026-04-01',
        },
      }),
    );
    expect(expiry.statusCode).toBe(400);
    expect(expiry.json().fields.map((f: { path: string }) => f.path)).toContain('/warrant/expiresOn');
    const passport = await knpa.post(
      '/api/v1/fugitives',
      hanBoknam({
        names: [{ value: '박지성', script: 'hangul', kind: 'primary' }],
        passport: { number: '12345' },
      }),
    );
    expect(passport.statusCode).toBe(400);
    expect(passport.json().fields[0].path).toBe('/passport/number');
    const born = await knpa.post(
      '/api/v1/fugitives',
      hanBoknam({
        names: [{ value: '박지성', script: 'hangul', kind: 'primary' }],
        passport: undefined,
        birthDate: dateIn(3),
      }),
    );
    expect(born.statusCode).toBe(400);
    expect(born.json().fields[0].path).toBe('/birthDate');
    expect(await count('fugitives')).toBe(before);
  });
});

describe('the life cycle', () => {
  let sightingId: string;

  it('records a sighting with the 4x4 evaluation; confirming it moves him to "sighted"', async () => {
    const response = await cnp.post(`/api/v1/fugitives/${hanId}/sightings`, {
      seenAt: daysFromNow(-6).toISOString(),
      place: { province: 'preah_sihanouk', text: 'Casino on Ekareach Street', lat: 10.627, lon: 103.522 },
      source: 'informant',
      sourceDetail: 'Informant K-17',
      reliability: 'B',
      accuracy: '2',
      description: 'Seen leaving the casino at night with two guards',
    });
    expect(response.statusCode).toBe(201);
    sightingId = response.json().id;
    expect(response.json()).toMatchObject({ verification: 'unverified', sourceDetail: 'Informant K-17' });
    const verified = await knpa.patch(`/api/v1/fugitives/${hanId}/sightings/${sightingId}`, {
      verification: 'confirmed',
      note: 'CCTV from the casino matches',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().verifiedByName).toBeTruthy();
    const detail = (await knpa.get(`/api/v1/fugitives/${hanId}`)).json();
    expect(detail.fugitive.status).toBe('sighted');
    expect(detail.steps.at(-1)).toMatchObject({ state: 'sighted', sightingId });
  });

  it('hides the source from officers outside the owning agency who did not record it', async () => {
    const seen = (await otherKnpa.get(`/api/v1/fugitives/${hanId}`)).json().sightings[0];
    expect(seen.sourceDetail).toBe('Informant K-17');
    const byAnalyst = (await analyst.get(`/api/v1/fugitives/${hanId}`)).json().sightings[0];
    expect(byAnalyst.sourceDetail).toBeNull();
    expect(byAnalyst.sourceWithheld).toBe(true);
    expect(byAnalyst.reliability).toBe('B');
  });

  it('refuses an arrest dated before the sighting, naming the field, and writes nothing', async () => {
    const steps = await count('fugitive_steps');
    const response = await cnp.post(`/api/v1/fugitives/${hanId}/steps`, {
      state: 'arrested',
      occurredAt: daysFromNow(-8).toISOString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ path: '/occurredAt' });
    expect(response.json().fields[0].message).toMatch(/^The arrest cannot be dated before the sighting on /);
    expect(await count('fugitive_steps')).toBe(steps);
    expect((await knpa.get(`/api/v1/fugitives/${hanId}`)).json().fugitive.status).toBe('sighted');
  });

  it('refuses a step in the future, a move the life cycle lacks, and missing details', async () => {
    const future = await cnp.post(`/api/v1/fugitives/${hanId}/steps`, {
      state: 'located',
      occurredAt: daysFromNow(2).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('/occurredAt');
    const jump = await cnp.post(`/api/v1/fugitives/${hanId}/steps`, {
      state: 'handed_over',
      occurredAt: new Date().toISOString(),
      details: { receivingUnit: 'KNPA' },
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().code).toBe('invalid-transition');
    const document = await cnp.post(`/api/v1/fugitives/${hanId}/steps`, {
      state: 'located',
      occurredAt: new Date().toISOString(),
      documentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(document.statusCode).toBe(400);
    expect(document.json().fields[0].path).toBe('/documentIds/0');
  });

  it('walks him to the handover with documents, each step dated and by whom; steps cannot be changed', async () => {
    const { payload, headers } = multipartBody({
      filename: 'arrest.png',
      contentType: 'image/png',
      content: tinyPng,
    });
    const upload = await cnp.request({
      method: 'POST',
      url: `/api/v1/fugitives/${hanId}/files?kind=document`,
      payload,
      headers,
    });
    expect(upload.statusCode).toBe(201);
    const documentId = upload.json().id;
    const walk = [
      {
        state: 'located',
        occurredAt: daysFromNow(-5).toISOString(),
        details: { province: 'preah_sihanouk' },
      },
      {
        state: 'arrested',
        occurredAt: daysFromNow(-4).toISOString(),
        actedBy: 'CNP Anti-Human Trafficking',
        documentIds: [documentId],
      },
      {
        state: 'detained',
        occurredAt: daysFromNow(-4).toISOString(),
        details: { facility: 'Immigration detention centre, Phnom Penh' },
      },
    ];
    for (const step of walk) {
      const response = await cnp.post(`/api/v1/fugitives/${hanId}/steps`, step);
      expect(response.statusCode, JSON.stringify(response.json())).toBe(201);
    }
    const missing = await cnp.post(`/api/v1/fugitives/${hanId}/steps`, {
      state: 'removal_in_progress',
      occurredAt: daysFromNow(-2).toISOString(),
    });
    expect(missing.json().fields[0].path).toBe('/details/removalRoute');
    expect(
      (
        await cnp.post(`/api/v1/fugitives/${hanId}/steps`, {
          state: 'removal_in_progress',
          occurredAt: daysFromNow(-2).toISOString(),
          details: { removalRoute: 'deportation' },
        })
      ).statusCode,
    ).toBe(201);
    const handover = await knpa.post(`/api/v1/fugitives/${hanId}/steps`, {
      state: 'handed_over',
      occurredAt: daysFromNow(-1).toISOString(),
      details: { receivingUnit: 'Seoul Metropolitan Police, International Crimes Unit' },
    });
    expect(handover.statusCode).toBe(201);
    expect(handover.json()).toMatchObject({
      seq: 7,
      fromState: 'removal_in_progress',
      recordedByName: expect.any(String),
    });
    const detail = (await knpa.get(`/api/v1/fugitives/${hanId}`)).json();
    expect(detail.steps.map((s: { state: string }) => s.state)).toEqual([
      'wanted',
      'sighted',
      'located',
      'arrested',
      'detained',
      'removal_in_progress',
      'handed_over',
    ]);
    expect(detail.steps[3].documentIds).toEqual([documentId]);
    await expect(
      t.node.app.db
        .updateTable('fugitive_steps')
        .set({ note: 'changed' })
        .where('fugitive_id', '=', hanId)
        .execute(),
    ).rejects.toThrow(/append-only/);
    const actions = await auditActions(hanId);
    expect(actions.filter((a) => a === 'fugitive.step_added')).toHaveLength(6);
    expect(actions).toContain('fugitive.sighting_verified');
    expect(actions).toContain('fugitive.file_added');
  });

  it('serves a file back, audited', async () => {
    const detail = (await knpa.get(`/api/v1/fugitives/${hanId}`)).json();
    const file = detail.files[0];
    const response = await knpa.get(`/api/v1/fugitives/${hanId}/files/${file.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.rawPayload.equals(tinyPng)).toBe(true);
    expect(await auditActions(hanId)).toContain('fugitive.file_downloaded');
  });

  it('keeps a file whose bytes a removed case attachment shared (one blob per content in the store)', async () => {
    const caseId = (await knpa.post('/api/v1/cases', caseBody())).json().id;
    const { payload, headers } = multipartBody({
      filename: 'same.png',
      contentType: 'image/png',
      content: tinyPng,
    });
    const attached = await knpa.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/attachments`,
      payload,
      headers,
    });
    expect(attached.statusCode).toBe(201);
    const removed = await knpa.request({
      method: 'DELETE',
      url: `/api/v1/cases/${caseId}/attachments/${attached.json().id}`,
    });
    expect(removed.statusCode).toBe(204);
    const file = (await knpa.get(`/api/v1/fugitives/${hanId}`)).json().files[0];
    const response = await knpa.get(`/api/v1/fugitives/${hanId}/files/${file.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(tinyPng)).toBe(true);
  });
});

describe('the list and its flags', () => {
  let expiringId: string;
  let stalledId: string;

  beforeAll(async () => {
    expiringId = (
      await knpa.post(
        '/api/v1/fugitives',
        hanBoknam({
          names: [
            { value: '이영수', script: 'hangul', kind: 'primary' },
            { value: 'LEE YOUNGSOO', script: 'latin', kind: 'passport' },
          ],
          birthDate: '1979-11-02',
          passport: { number: 'M87654321', status: 'invalidated', statusOn: dateIn(-30) },
          warrant: {
            number: 'W-2',
            court: 'Incheon District Court',
            charges: ['Gambling'],
            issuedOn: dateIn(-300),
            expiresOn: dateIn(10),
          },
        }),
      )
    ).json().id;
    stalledId = (
      await knpa.post(
        '/api/v1/fugitives',
        hanBoknam({
          names: [{ value: '최민호', script: 'hangul', kind: 'primary' }],
          birthDate: '1992-07-21',
          passport: undefined,
          warrant: undefined,
          interpol: undefined,
          wantedSince: daysFromNow(-60).toISOString(),
        }),
      )
    ).json().id;
    await knpa.post(`/api/v1/fugitives/${stalledId}/steps`, {
      state: 'arrested',
      occurredAt: daysFromNow(-10).toISOString(),
    });
  });

  it('flags a warrant expiring within 30 days and a step left too long', async () => {
    const expiring = (await knpa.get('/api/v1/fugitives?warrant=expiring')).json();
    expect(expiring.items.map((f: { id: string }) => f.id)).toEqual([expiringId]);
    expect(expiring.items[0].flags).toMatchObject({ warrant: 'expiring', warrantDaysLeft: 10 });
    const stalled = (await knpa.get('/api/v1/fugitives?stalled=true')).json();
    expect(stalled.items.map((f: { id: string }) => f.id)).toEqual([stalledId]);
    expect(stalled.items[0].flags).toMatchObject({ stalled: true, daysInState: 10, stallLimitDays: 3 });
  });

  it('filters by status and finds by any spelling, the passport or the warrant number', async () => {
    const open = (await knpa.get('/api/v1/fugitives')).json();
    expect(open.total).toBe(3);
    expect((await knpa.get('/api/v1/fugitives?status=arrested')).json().items).toHaveLength(1);
    expect((await knpa.get(`/api/v1/fugitives?q=${encodeURIComponent('이영수')}`)).json().items[0].id).toBe(
      expiringId,
    );
    expect((await knpa.get('/api/v1/fugitives?q=youngsoo')).json().items[0].id).toBe(expiringId);
    expect((await knpa.get('/api/v1/fugitives?q=M8765-4321')).json().items[0].id).toBe(expiringId);
    expect((await knpa.get('/api/v1/fugitives?q=W-2')).json().items[0].id).toBe(expiringId);
    expect((await knpa.get('/api/v1/fugitives?status=nonsense')).statusCode).toBe(400);
  });

  it('the watch job recomputes the flags and audits a flag that turns on', async () => {
    await t.node.app.db.updateTable('fugitives').set({ flags: null }).where('id', '=', stalledId).execute();
    const run = await runFugitiveWatch(t.node.app);
    expect(run.checked).toBe(3);
    expect(run.changed.map((c) => c.id)).toContain(stalledId);
    expect(await auditActions(stalledId)).toContain('fugitive.flags_changed');
    const again = await runFugitiveWatch(t.node.app);
    expect(again.changed).toEqual([]);
  });

  it('changes the record with its version; a stale version is refused', async () => {
    const current = (await knpa.get(`/api/v1/fugitives/${expiringId}`)).json().fugitive;
    const renewed = await knpa.patch(`/api/v1/fugitives/${expiringId}`, {
      version: current.version,
      warrant: { ...current.warrant, number: 'W-2R', expiresOn: dateIn(400) },
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().flags.warrant).toBeNull();
    const stale = await knpa.patch(`/api/v1/fugitives/${expiringId}`, {
      version: current.version,
      description: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().fields[0].path).toBe('/version');
    const duplicate = await knpa.patch(`/api/v1/fugitives/${expiringId}`, {
      version: current.version + 1,
      passport: { number: 'M12345678', status: 'valid' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().fields[0].path).toBe('/passport/number');
  });

  it('counts located, arrested and returned by month, and days from location to return', async () => {
    const stats = (await analyst.get('/api/v1/fugitives/stats')).json();
    expect(stats.totals).toMatchObject({
      located: 2,
      arrested: 2,
      returned: 1,
      medianDaysLocatedToReturned: 4,
    });
    expect(stats.byMonth.length).toBeGreaterThan(0);
  });
});

describe('the change feed', () => {
  it('tells of each fugitive and sighting written, and of nothing for a refused write', async () => {
    const seen: string[] = [];
    const stop = t.node.app.changes.observe(async (_trx, change) => {
      if (change.on === 'record') seen.push(`${change.record}:${change.ids.join(',')}`);
    });
    try {
      const created = await knpa.post(
        '/api/v1/fugitives',
        hanBoknam({
          names: [{ value: '문재혁', script: 'hangul', kind: 'primary' }],
          birthDate: '1987-02-02',
          passport: undefined,
        }),
      );
      const id = created.json().id;
      const sighting = await knpa.post(`/api/v1/fugitives/${id}/sightings`, {
        seenAt: daysFromNow(-1).toISOString(),
        place: { province: 'kandal', text: 'Market' },
        source: 'public_tip',
        reliability: 'C',
        accuracy: '3',
        description: 'Buying phone cards',
      });
      await knpa.post(`/api/v1/fugitives/${id}/steps`, {
        state: 'located',
        occurredAt: daysFromNow(2).toISOString(),
      });
      expect(seen).toEqual([`fugitive:${id}`, `sighting:${sighting.json().id}`]);
    } finally {
      stop();
    }
  });
});

describe('need-to-know', () => {
  it('keeps a RED record to the officer who entered it', async () => {
    const red = await knpa.post(
      '/api/v1/fugitives',
      hanBoknam({
        names: [{ value: '정다운', script: 'hangul', kind: 'primary' }],
        birthDate: '1985-05-05',
        passport: undefined,
        markings: { tlp: 'RED', handlingCode: 'H2' },
      }),
    );
    expect(red.statusCode).toBe(201);
    const id = red.json().id;
    expect((await otherKnpa.get(`/api/v1/fugitives/${id}`)).statusCode).toBe(404);
    expect((await otherKnpa.get('/api/v1/fugitives?q=정다운')).json().items).toEqual([]);
    expect((await knpa.get(`/api/v1/fugitives/${id}`)).statusCode).toBe(200);
    expect(await auditActions(id)).toContain('fugitive.read');
  });

  it('refuses the register to a role without fugitives.read, and writes to a reader', async () => {
    expect((await consular.get('/api/v1/fugitives')).statusCode).toBe(403);
    expect((await analyst.post('/api/v1/fugitives', hanBoknam())).statusCode).toBe(403);
  });

  it("lets only the owning agency change the record, but the partner's officers add steps", async () => {
    const current = (await cnp.get(`/api/v1/fugitives/${hanId}`)).json().fugitive;
    const response = await cnp.patch(`/api/v1/fugitives/${hanId}`, {
      version: current.version,
      description: 'x',
    });
    expect(response.statusCode).toBe(403);
  });
});
