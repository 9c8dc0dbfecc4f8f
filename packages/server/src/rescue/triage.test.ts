import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescueReportBody } from '../testing/factories.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
let consular: TestClient;
let liaison: TestClient;
let investigator: TestClient;
let ip = 20;

const publicReport = (passport: string) => ({
  consentToProcessing: true,
  reporter: { relation: 'sibling', phone: '010-2222-3333', language: 'ko' },
  person: { namesHangul: ['문가은'], birthDate: '2001-04-04', passportNumber: passport },
  location: { province: 'svay_rieng', compoundName: '바벳 단지' },
  narrative: '동생이 일자리 광고를 보고 캄보디아에 갔다가 연락이 끊겼습니다.',
  indicators: ['no_contact_over_72h'],
});

async function filePublicReport(passport: string): Promise<string> {
  const response = await t.node.http.inject({
    method: 'POST',
    url: '/api/v1/public/reports',
    payload: publicReport(passport),
    remoteAddress: `203.0.113.${ip++}`,
  });
  expect(response.statusCode).toBe(201);
  const row = await t.node.app.db
    .selectFrom('rescue_reports')
    .select('case_id')
    .where('public_reference', '=', response.json().reference)
    .executeTakeFirstOrThrow();
  return row.case_id as string;
}

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
  consular = await t.signIn(['consular_officer'], 'MOFA');
  liaison = await t.signIn(['liaison_officer']);
  investigator = await t.signIn(['investigator']);
});
afterAll(() => t.close());

describe('the triage queue', () => {
  it('lists a new public report, with no personal data, to triage officers only', async () => {
    const caseId = await filePublicReport('M70001111');
    const queue = await consular.get('/api/v1/rescue/triage');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().find((q: { id: string }) => q.id === caseId);
    expect(item).toMatchObject({ state: 'reported', channel: 'public_form', province: 'svay_rieng' });
    expect(Object.keys(item).sort()).toEqual(
      ['channel', 'id', 'province', 'reference', 'reportedAt', 'riskLevel', 'state'].sort(),
    );
    for (const secret of ['문가은', 'M70001111', '2222-3333', '바벳'])
      expect(queue.body).not.toContain(secret);
    expect((await investigator.get('/api/v1/rescue/triage')).statusCode).toBe(403);
    expect((await investigator.post(`/api/v1/rescue/cases/${caseId}/take`)).statusCode).toBe(403);
  });

  it('lets a triage officer take it without a purpose, audited, and then it leaves the queue', async () => {
    const caseId = await filePublicReport('M70002222');
    const before = await consular.get(`/api/v1/rescue/cases/${caseId}`);
    expect(before.statusCode).toBe(428);
    const taken = await consular.post(`/api/v1/rescue/cases/${caseId}/take`);
    expect(taken.statusCode).toBe(200);
    expect(taken.json().caseId).toBe(caseId);
    const view = await consular.get(`/api/v1/rescue/cases/${caseId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().team).toHaveLength(1);
    expect(view.json().history.map((h: { kind: string }) => h.kind)).toContain('taken_from_triage');
    expect(await audited('rescue_case.taken_from_triage', caseId)).toHaveLength(1);
    expect(await audited('rescue_case.read.break_glass', caseId)).toHaveLength(0);
    const queue = (await liaison.get('/api/v1/rescue/triage')).json();
    expect(queue.some((q: { id: string }) => q.id === caseId)).toBe(false);
    // A second officer cannot take a case that already has a team.
    const again = await liaison.post(`/api/v1/rescue/cases/${caseId}/take`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already has a team/);
  });

  it('keeps staff reports (filed with their reporter on the team) out of the queue', async () => {
    const { caseId } = (await consular.post('/api/v1/rescue/reports', rescueReportBody())).json();
    const queue = (await consular.get('/api/v1/rescue/triage')).json();
    expect(queue.some((q: { id: string }) => q.id === caseId)).toBe(false);
  });
});

describe('state changes check what the state means', () => {
  const move = (caseId: string, body: Record<string, unknown>) =>
    consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, body);

  async function caseInProtection(): Promise<string> {
    const { caseId } = (await consular.post('/api/v1/rescue/reports', rescueReportBody())).json();
    for (const to of [
      'verifying',
      'located',
      'rescue_requested',
      'rescue_planned',
      'rescued',
      'in_protection',
    ])
      expect((await move(caseId, { to })).statusCode).toBe(200);
    return caseId;
  }

  it('refuses "repatriated" with 0 of 6 steps, naming the missing ones, and writes nothing', async () => {
    const caseId = await caseInProtection();
    const refused = await move(caseId, { to: 'repatriated' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().missing).toEqual(['travelDocument', 'flight', 'arrival', 'handover']);
    // A reason alone is not a confirmation; a confirmation needs a reason.
    expect((await move(caseId, { to: 'repatriated', reason: 'flew home yesterday' })).statusCode).toBe(409);
    expect((await move(caseId, { to: 'repatriated', confirmIncomplete: true })).statusCode).toBe(409);
    const view = (await consular.get(`/api/v1/rescue/cases/${caseId}`)).json();
    expect(view.state).toBe('in_protection');
  });

  it('accepts it when confirmed with a reason, and keeps the missing steps in the history', async () => {
    const caseId = await caseInProtection();
    const moved = await move(caseId, {
      to: 'repatriated',
      confirmIncomplete: true,
      reason: 'Flew home with the family; the embassy sends the papers later',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().state).toBe('repatriated');
    const entry = moved.json().history.find((h: { to: string }) => h.to === 'repatriated');
    expect(entry.details).toEqual({
      confirmedIncomplete: true,
      missingSteps: ['travelDocument', 'flight', 'arrival', 'handover'],
    });
  });

  it('moves without a confirmation once the steps are on record', async () => {
    const caseId = await caseInProtection();
    const rep = await consular.request({
      method: 'PUT',
      url: `/api/v1/rescue/cases/${caseId}/repatriation`,
      payload: {
        travelDocument: { type: 'emergency_travel_certificate', issuedAt: '2026-02-01' },
        flight: { number: 'KE690', date: '2026-02-03' },
        arrival: { at: '2026-02-03T22:00:00+09:00' },
        handover: { to: 'family', by: 'Mother, at Incheon', at: '2026-02-03T23:00:00+09:00' },
      },
    });
    expect(rep.statusCode).toBe(204);
    expect((await move(caseId, { to: 'repatriated' })).statusCode).toBe(200);
  });
});

describe('a registered compound and the reported province', () => {
  it('keeps the family’s province when the register places the compound elsewhere, and says so', async () => {
    const commander = await t.signIn(['commander'], 'CNP');
    const compound = await commander.post('/api/v1/compounds', {
      name: 'Golden Fortune Park',
      province: 'preah_sihanouk',
    });
    expect(compound.statusCode, compound.body).toBe(201);
    const caseId = await filePublicReport('M70003333');
    expect((await consular.post(`/api/v1/rescue/cases/${caseId}/take`)).statusCode).toBe(200);
    const linked = await consular.request({
      method: 'PATCH',
      url: `/api/v1/rescue/cases/${caseId}/location`,
      payload: { compoundId: compound.json().id },
    });
    expect(linked.statusCode, linked.body).toBe(204);
    const view = (await consular.get(`/api/v1/rescue/cases/${caseId}`)).json();
    expect(view.location.province).toBe('svay_rieng');
    expect(view.compound.province).toBe('preah_sihanouk');
    const entry = view.history.find((h: { kind: string }) => h.kind === 'location_updated');
    expect(entry.details).toEqual({
      compoundLinked: true,
      reportedProvince: 'svay_rieng',
      compoundProvince: 'preah_sihanouk',
    });
  });
});

describe('the family’s status page', () => {
  it('says the person is home, not closed, when the case is repatriated but still open', async () => {
    const filed = await t.node.http.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: publicReport('M70004444'),
      remoteAddress: `203.0.113.${ip++}`,
    });
    const { reference, secret } = filed.json();
    const { case_id: caseId } = await t.node.app.db
      .selectFrom('rescue_reports')
      .select('case_id')
      .where('public_reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect((await consular.post(`/api/v1/rescue/cases/${caseId}/take`)).statusCode).toBe(200);
    for (const to of [
      'verifying',
      'located',
      'rescue_requested',
      'rescue_planned',
      'rescued',
      'in_protection',
    ])
      expect((await consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to })).statusCode).toBe(
        200,
      );
    const status = () =>
      t.node.http.inject({
        method: 'GET',
        url: `/api/v1/public/reports/${reference}`,
        headers: { 'x-report-secret': secret },
      });
    expect((await status()).json().status).toBe('in_progress');
    const moved = await consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, {
      to: 'repatriated',
      confirmIncomplete: true,
      reason: 'Home with the family; papers to follow',
    });
    expect(moved.statusCode).toBe(200);
    expect((await status()).json().status).toBe('home');
    expect(
      (await consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to: 'closed' })).statusCode,
    ).toBe(200);
    expect((await status()).json().status).toBe('closed');
  });
});
