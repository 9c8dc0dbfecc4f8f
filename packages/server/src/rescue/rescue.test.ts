import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescueReportBody } from '../testing/factories.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { runRescueEscalations } from './escalation-job.ts';

let t: TestNode;
let consular: TestClient;
let liaison: TestClient;
let investigator: TestClient;

const report = rescueReportBody;

async function userId(client: TestClient): Promise<string> {
  return (await client.get('/api/v1/me')).json().id;
}

beforeAll(async () => {
  t = await startTestNode();
  consular = await t.signIn(['consular_officer'], 'MOFA');
  liaison = await t.signIn(['liaison_officer']);
  investigator = await t.signIn(['investigator']);
});
afterAll(() => t.close());

describe('intake and the board', () => {
  it('files a staff report as a new case, assessed for risk, with the reporter on the team', async () => {
    const response = await consular.post('/api/v1/rescue/reports', report());
    expect(response.statusCode).toBe(201);
    const { caseId, reference } = response.json();
    expect(reference).toMatch(/^RC-\d{4}-\d{4}$/);
    const view = (await consular.get(`/api/v1/rescue/cases/${caseId}`)).json();
    expect(view.risk.level).toBe('high');
    expect(view.risk.assessment.reasons.map((r: { indicator: string }) => r.indicator)).toEqual([
      'violence',
      'ransom_demand',
    ]);
    expect(view.team).toHaveLength(1);
    expect(
      view.identifiers.some(
        (i: { kind: string; source: string }) => i.kind === 'crypto_wallet' && i.source === 'ransom.wallet',
      ),
    ).toBe(true);
    expect(view.clock.next).toBe('verifying');
  });

  it('tells browsers and proxies not to keep a rescue case, like a joint case', async () => {
    const { caseId } = (await consular.post('/api/v1/rescue/reports', report())).json();
    const response = await consular.get(`/api/v1/rescue/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await consular.get('/api/v1/rescue/board')).headers['cache-control']).toBe('no-store');
  });

  it('shows the board to rescue readers without any personal data', async () => {
    const board = await investigator.get('/api/v1/rescue/board');
    expect(board.statusCode).toBe(200);
    const text = board.body;
    expect(board.json().length).toBeGreaterThan(0);
    for (const secret of ['김민준', 'KIM MINJUN', 'M12345678', '1234-5678', 'minjun'])
      expect(text).not.toContain(secret);
  });

  it('refuses the board to a role without rescue.read', async () => {
    const analyst = await t.signIn(['analyst']);
    expect((await analyst.get('/api/v1/rescue/board')).statusCode).toBe(403);
  });
});

describe('need-to-know', () => {
  it('refuses an officer outside the team, asks a triage officer for a purpose, and audits both', async () => {
    const { caseId } = (
      await consular.post(
        '/api/v1/rescue/reports',
        report({ person: { namesLatin: ['LEE SEOYEON'], passportNumber: 'M99887766' } }),
      )
    ).json();
    const refused = await investigator.get(`/api/v1/rescue/cases/${caseId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('SEOYEON');
    const ask = await liaison.get(`/api/v1/rescue/cases/${caseId}`);
    expect(ask.statusCode).toBe(428);
    expect(ask.json().code).toBe('purpose-required');
    const glass = await liaison.get(`/api/v1/rescue/cases/${caseId}`, {
      'x-liaison-purpose': 'checking a call from the embassy line',
    });
    expect(glass.statusCode).toBe(200);
    expect(glass.json().access).toBe('break-glass');
    expect((await investigator.get(`/api/v1/rescue/cases/${caseId}/request.pdf`)).statusCode).toBe(403);
    const audit = await t.node.app.db
      .selectFrom('audit_log')
      .select(['action', 'purpose'])
      .where('record_id', '=', caseId)
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('rescue_case.read.refused');
    expect(actions).toContain('rescue_case.read.break_glass');
    expect(audit.find((a) => a.action === 'rescue_case.read.break_glass')?.purpose).toBe(
      'checking a call from the embassy line',
    );
  });

  it('lets a triage officer put someone on the team, who may then open and change the case', async () => {
    const { caseId } = (
      await consular.post('/api/v1/rescue/reports', report({ person: { namesLatin: ['CHOI JIHO'] } }))
    ).json();
    expect(
      (await investigator.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to: 'verifying' })).statusCode,
    ).toBe(403);
    expect(
      (await consular.post(`/api/v1/rescue/cases/${caseId}/team`, { userId: await userId(investigator) }))
        .statusCode,
    ).toBe(204);
    expect((await investigator.get(`/api/v1/rescue/cases/${caseId}`)).statusCode).toBe(200);
    expect(
      (await investigator.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to: 'verifying' })).statusCode,
    ).toBe(200);
  });
});

describe('triage and the clock', () => {
  it('moves along the path, records who and when, and refuses a jump or an unexplained side exit', async () => {
    const { caseId } = (
      await consular.post('/api/v1/rescue/reports', report({ person: { namesLatin: ['YOON HAEUN'] } }))
    ).json();
    const jump = await consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to: 'rescued' });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().code).toBe('invalid-transition');
    expect(
      (await consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to: 'not_found' })).statusCode,
    ).toBe(409);
    const moved = (
      await consular.post(`/api/v1/rescue/cases/${caseId}/transitions`, { to: 'verifying' })
    ).json();
    expect(moved.state).toBe('verifying');
    const change = moved.history.find((h: { kind: string }) => h.kind === 'state_changed');
    expect(change).toMatchObject({ from: 'reported', to: 'verifying' });
    expect(change.by).toContain('consular');
  });

  it('lets a triage officer override the risk with a reason, keeping the assessment', async () => {
    const { caseId } = (
      await consular.post(
        '/api/v1/rescue/reports',
        report({ indicators: [], person: { namesLatin: ['HAN BOKNAM'] } }),
      )
    ).json();
    expect(
      (
        await consular.post(`/api/v1/rescue/cases/${caseId}/risk-override`, {
          level: 'critical',
          reason: 'no',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await consular.post(`/api/v1/rescue/cases/${caseId}/risk-override`, {
          level: 'critical',
          reason: 'Family heard screaming on the last call',
        })
      ).statusCode,
    ).toBe(204);
    const view = (await consular.get(`/api/v1/rescue/cases/${caseId}`)).json();
    expect(view.risk.level).toBe('critical');
    expect(view.risk.assessment.level).toBe('low');
    expect(view.risk.override.reason).toContain('screaming');
  });

  it('flags an overdue case once and tells commanders without personal data', async () => {
    const { caseId, reference } = (
      await consular.post('/api/v1/rescue/reports', report({ person: { namesLatin: ['PARK OVERDUE'] } }))
    ).json();
    await t.node.app.db
      .updateTable('rescue_cases')
      .set({ state_entered_at: new Date(Date.now() - 5 * 3_600_000) })
      .where('id', '=', caseId)
      .execute();
    const events: { type: string; audience: unknown; payload: Record<string, unknown> }[] = [];
    const unsubscribe = t.node.app.events.subscribe((e) => events.push(e));
    const run = await runRescueEscalations(t.node.app);
    expect(run.escalated.map((e) => e.caseId)).toContain(caseId);
    expect((await runRescueEscalations(t.node.app)).escalated.map((e) => e.caseId)).not.toContain(caseId);
    await new Promise((r) => setTimeout(r, 50));
    unsubscribe();
    const sent = events.find((e) => e.type === 'rescue.overdue' && e.payload.reference === reference);
    expect(sent?.audience).toEqual({ permission: 'rescue.escalations' });
    expect(JSON.stringify(sent)).not.toContain('PARK');
    const board = (await consular.get('/api/v1/rescue/board')).json();
    expect(board.find((b: { id: string }) => b.id === caseId)).toMatchObject({
      escalated: true,
      clock: { overdue: true },
    });
  });
});

describe('duplicates and merging', () => {
  it('finds the same person across scripts and channels and merges the two with the history kept', async () => {
    const first = (
      await consular.post(
        '/api/v1/rescue/reports',
        report({ person: { namesHangul: ['정수빈'], birthDate: '2001-07-02', phone: '010-5555-1212' } }),
      )
    ).json();
    const second = (
      await consular.post(
        '/api/v1/rescue/reports',
        report({
          channel: 'embassy_line',
          person: { namesLatin: ['JEONG SUBIN'], birthDate: '2001-07-02', phone: '+82 10 5555 1212' },
          indicators: ['medical_need'],
        }),
      )
    ).json();
    expect(second.duplicates.map((d: { caseId: string }) => d.caseId)).toContain(first.caseId);
    const candidate = second.duplicates.find((d: { caseId: string }) => d.caseId === first.caseId);
    expect(candidate.sharedKeys).toContain('phone');
    const merged = await consular.post(`/api/v1/rescue/cases/${first.caseId}/merge`, {
      sourceCaseId: second.caseId,
      reason: 'Same phone and birth date, same name in Latin',
    });
    expect(merged.statusCode).toBe(200);
    const view = (await consular.get(`/api/v1/rescue/cases/${first.caseId}`)).json();
    expect(view.reports).toHaveLength(2);
    expect(view.person.namesLatin).toContain('JEONG SUBIN');
    expect(view.person.namesHangul).toContain('정수빈');
    expect(view.risk.level).toBe('critical');
    expect(view.history.some((h: { kind: string }) => h.kind === 'merged')).toBe(true);
    const board = (await consular.get('/api/v1/rescue/board')).json();
    expect(board.some((b: { id: string }) => b.id === second.caseId)).toBe(false);
    expect(
      (await consular.post(`/api/v1/rescue/cases/${second.caseId}/transitions`, { to: 'verifying' }))
        .statusCode,
    ).toBe(409);
  });
});

describe('duplicate candidates respect need-to-know', () => {
  it('names the other person only to its team; others learn a restricted case matches and may ask for review', async () => {
    const theirs = (
      await consular.post(
        '/api/v1/rescue/reports',
        report({ person: { namesHangul: ['윤하은'], birthDate: '1998-11-30', phone: '010-8181-2323' } }),
      )
    ).json();
    // An investigator (not a triage officer, not on the consular team) files the same person from a hotline call.
    const mine = await investigator.post(
      '/api/v1/rescue/reports',
      report({
        channel: 'victim_direct',
        person: { namesLatin: ['YUN HAEUN'], birthDate: '1998-11-30', phone: '+82 10 8181 2323' },
      }),
    );
    expect(mine.statusCode).toBe(201);
    const atIntake = mine.json().duplicates.find((d: { caseId: string }) => d.caseId === theirs.caseId);
    expect(atIntake).toMatchObject({
      restricted: true,
      reasons: [`A restricted case matches (reference ${theirs.reference})`],
    });
    const listed = await investigator.get(`/api/v1/rescue/cases/${mine.json().caseId}/duplicates`);
    const candidate = listed.json().find((d: { caseId: string }) => d.caseId === theirs.caseId);
    expect(candidate.restricted).toBe(true);
    expect(candidate.reference).toBe(theirs.reference);
    for (const secret of ['윤하은', '1998-11-30', '8181', 'YUN']) expect(listed.body).not.toContain(secret);

    // The consular officer is not on the investigator's case team either: restricted that way too...
    const before = (await consular.get(`/api/v1/rescue/cases/${theirs.caseId}/duplicates`)).json();
    expect(before.find((d: { caseId: string }) => d.caseId === mine.json().caseId).restricted).toBe(true);
    // ...until, as a triage officer, they join it: then the reasons are shown in full.
    const joined = await consular.post(`/api/v1/rescue/cases/${mine.json().caseId}/team`, {
      userId: await userId(consular),
    });
    expect(joined.statusCode).toBe(204);
    const after = (await consular.get(`/api/v1/rescue/cases/${theirs.caseId}/duplicates`)).json();
    const open = after.find((d: { caseId: string }) => d.caseId === mine.json().caseId);
    expect(open.restricted).toBe(false);
    expect(open.reasons.join(' ')).not.toContain('restricted case');

    // The investigator asks a triage officer to review; the request names references only.
    const events: { type: string; payload: Record<string, unknown> }[] = [];
    const stop = t.node.app.events.subscribe((e) => events.push(e));
    const asked = await investigator.post(
      `/api/v1/rescue/cases/${mine.json().caseId}/duplicates/${theirs.caseId}/review-request`,
    );
    expect(asked.statusCode).toBe(200);
    // Delivery may be asynchronous (PostgreSQL notifications): wait for it.
    await expect.poll(() => events.some((e) => e.type === 'rescue.duplicate_review')).toBe(true);
    stop();
    const event = events.find((e) => e.type === 'rescue.duplicate_review');
    expect(event?.payload).toMatchObject({ otherReference: theirs.reference });
    expect(JSON.stringify(event?.payload)).not.toMatch(/윤하은|YUN|8181/);
  });
});

describe('the person, protected', () => {
  it('records screening, non-punishment, role changes with reasons, consent and repatriation', async () => {
    const { caseId } = (
      await consular.post('/api/v1/rescue/reports', report({ person: { namesLatin: ['KANG DOYUN'] } }))
    ).json();
    const screening = await consular.post(`/api/v1/rescue/cases/${caseId}/screening`, {
      answers: { deception_in_recruitment: 'yes', confinement: 'yes', forced_to_commit_crimes: 'yes' },
      meansOfControl: ['restricted_movement'],
    });
    expect(screening.json()).toMatchObject({
      outcome: 'likely_victim_of_trafficking',
      recommendNonPunishment: true,
    });
    expect(
      (
        await consular.post(`/api/v1/rescue/cases/${caseId}/non-punishment`, {
          flag: true,
          reason: 'Screening: forced criminality',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await consular.post(`/api/v1/rescue/cases/${caseId}/role`, {
          role: 'suspect',
          reason: 'Named as recruiter by two victims',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await consular.post(`/api/v1/rescue/cases/${caseId}/role`, {
          role: 'victim',
          reason: 'Recruiter claim withdrawn after interview',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await consular.post(`/api/v1/rescue/cases/${caseId}/consent`, {
          given: true,
          basis: 'Signed consent form at the embassy',
        })
      ).statusCode,
    ).toBe(204);
    const rep = await consular.request({
      method: 'PUT',
      url: `/api/v1/rescue/cases/${caseId}/repatriation`,
      payload: {
        travelDocument: { type: 'emergency_travel_certificate', issuedAt: '2026-02-01' },
        flight: { number: 'KE690', date: '2026-02-03' },
        escortOfficers: [{ name: 'Officer Lim', agency: 'KNPA' }],
      },
    });
    expect(rep.statusCode).toBe(204);
    const view = (await consular.get(`/api/v1/rescue/cases/${caseId}`)).json();
    expect(view).toMatchObject({ nonPunishment: true, personRole: 'victim', consent: { given: true } });
    expect(view.repatriationProgress.next).toBe('arrival');
    expect(
      view.history
        .filter((h: { kind: string }) => h.kind === 'role_changed')
        .map((h: { reason: string }) => h.reason),
    ).toHaveLength(2);
  });
});

describe('hotline API and numbers', () => {
  it('accepts a report from a hotline system with a Bearer token', async () => {
    const token = (await consular.post('/api/v1/me/tokens', { name: 'hotline 1394 bridge' })).json().token;
    const machine = t.client();
    const response = await machine.post(
      '/api/v1/rescue/reports',
      report({ channel: 'hotline_api', person: { namesLatin: ['SEO JUNHO'] } }),
      { authorization: `Bearer ${token}` },
    );
    expect(response.statusCode).toBe(201);
  });

  it('publishes anonymised numbers with small cells suppressed', async () => {
    const stats = await consular.get('/api/v1/rescue/stats');
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    expect(body.byChannel.some((c: { count: unknown }) => c.count === '<3')).toBe(true);
    expect(stats.body).not.toContain('KIM');
  });
});

describe('the rescue request PDF', () => {
  it('produces a PDF for the team, audited and recorded in the history', async () => {
    const { caseId } = (await consular.post('/api/v1/rescue/reports', report())).json();
    const response = await consular.get(`/api/v1/rescue/cases/${caseId}/request.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const view = (await consular.get(`/api/v1/rescue/cases/${caseId}`)).json();
    expect(view.history.some((h: { kind: string }) => h.kind === 'rescue_request_produced')).toBe(true);
  });
});
