import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo/demo-accounts.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { caseBody } from './testing/case-fixtures.ts';

let t: TestNode;
let dataDir: string;
let knpa: TestClient;
let cnp: TestClient;

async function demoClient(email: string): Promise<TestClient> {
  const client = t.client();
  expect((await client.login(email, demoPassword)).statusCode).toBe(200);
  return client;
}

async function userId(email: string): Promise<string> {
  return (
    await t.node.app.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  ).id;
}

async function auditActions(caseId: string): Promise<string[]> {
  const rows = await t.node.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('record_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-cases-'));
  t = await startTestNode({ dataDir });
  knpa = await demoClient('investigator@knpa.demo');
  cnp = await demoClient('investigator@cnp.demo');
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('creating and listing cases', () => {
  it('numbers cases per agency and year, race-free', async () => {
    const created = await Promise.all(
      [1, 2, 3].map((i) => knpa.post('/api/v1/cases', caseBody({ title: `Parallel case ${i}` }))),
    );
    expect(created.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const numbers = created.map((r) => r.json().number as string).sort();
    const year = new Date().getUTCFullYear();
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^KNPA-${year}-\\d{6}$`));
    const cnpCase = (
      await cnp.post('/api/v1/cases', caseBody({ leadAgency: 'CNP', language: 'km', title: 'ករណីឆបោក' }))
    ).json();
    expect(cnpCase.number).toBe(`CNP-${year}-000001`);
    expect(cnpCase.ownerAgency).toBe('CNP');
  });

  it('rejects a case naming an unknown agency, with the field', async () => {
    const response = await knpa.post('/api/v1/cases', caseBody({ leadAgency: 'NOPE' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('/leadAgency');
  });

  it('filters, sorts and pages with a cursor without losing or repeating a case', async () => {
    for (let i = 0; i < 7; i++) {
      await knpa.post(
        '/api/v1/cases',
        caseBody({
          title: `Paging case ${i}`,
          crimeTypes: ['romance_pig_butchering'],
          priority: i % 2 ? 'low' : 'critical',
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = (
        await knpa.get(
          `/api/v1/cases?crimeType=romance_pig_butchering&sort=priority&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((c) => c.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const byTitle = (await knpa.get('/api/v1/cases?q=paging%20case%203')).json();
    expect(byTitle.items.map((c: { title: string }) => c.title)).toEqual(['Paging case 3']);
    const critical = (
      await knpa.get('/api/v1/cases?priority=critical&crimeType=romance_pig_butchering')
    ).json();
    expect(critical.items).toHaveLength(4);
    expect((await knpa.get('/api/v1/cases?sort=title&cursor=garbage')).statusCode).toBe(400);
  });
});

describe('who sees a case', () => {
  it("hides another agency's case with 404, until their unit participates", async () => {
    const knpaCase = (await knpa.post('/api/v1/cases', caseBody({ title: 'KNPA only' }))).json();
    expect((await cnp.get(`/api/v1/cases/${knpaCase.id}`)).statusCode).toBe(404);
    expect((await cnp.get('/api/v1/cases?q=KNPA%20only')).json().items).toHaveLength(0);
    expect(
      (await cnp.post(`/api/v1/cases/${knpaCase.id}/notes`, { body: 'x', language: 'en' })).statusCode,
    ).toBe(404);

    const unit = await t.node.app.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Korea Desk (Joint Unit)')
      .executeTakeFirstOrThrow();
    const patched = await knpa.request({
      method: 'PATCH',
      url: `/api/v1/cases/${knpaCase.id}`,
      payload: { participatingUnitIds: [unit.id] },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode).toBe(200);
    expect((await cnp.get(`/api/v1/cases/${knpaCase.id}`)).statusCode).toBe(200);
    expect((await cnp.get('/api/v1/cases?q=KNPA%20only')).json().items).toHaveLength(1);
  });

  it('shows a TLP:RED case only to its creator and assigned officers, and audits every read', async () => {
    const analystId = await userId('analyst@knpa.demo');
    const red = (
      await knpa.post(
        '/api/v1/cases',
        caseBody({
          title: 'Informant inside the compound',
          markings: { tlp: 'RED', handlingCode: 'H2' },
          assignedOfficerIds: [analystId],
        }),
      )
    ).json();
    const colleague = await t.signIn(['investigator'], 'KNPA');
    expect((await colleague.get(`/api/v1/cases/${red.id}`)).statusCode).toBe(404);
    expect((await colleague.get('/api/v1/cases?q=Informant')).json().items).toHaveLength(0);
    const commander = await demoClient('commander@cnp.demo');
    expect((await commander.get(`/api/v1/cases/${red.id}`)).statusCode).toBe(404);
    const analyst = await demoClient('analyst@knpa.demo');
    expect(
      (await analyst.get(`/api/v1/cases/${red.id}`, { 'x-liaison-purpose': 'Briefing' })).statusCode,
    ).toBe(200);
    expect((await knpa.get(`/api/v1/cases/${red.id}`)).statusCode).toBe(200);
    const reads = await t.node.app.db
      .selectFrom('audit_log')
      .select(['action', 'purpose'])
      .where('record_id', '=', red.id)
      .where('action', '=', 'case.read')
      .execute();
    expect(reads).toHaveLength(2);
    expect(reads[0]!.purpose).toBe('Briefing');
  });

  it('does not audit reads of an ordinary case', async () => {
    const green = (
      await knpa.post('/api/v1/cases', caseBody({ markings: { tlp: 'GREEN', handlingCode: 'H0' } }))
    ).json();
    await knpa.get(`/api/v1/cases/${green.id}`);
    expect(await auditActions(green.id)).toEqual(['case.created']);
  });

  it('refuses users without cases.read before any lookup', async () => {
    const consular = await demoClient('consular@mofa.demo');
    expect((await consular.get('/api/v1/cases')).statusCode).toBe(403);
  });
});

describe('changing a case', () => {
  it('moves through allowed states only, and closing needs a reason', async () => {
    const c = (await knpa.post('/api/v1/cases', caseBody())).json();
    expect((await knpa.post(`/api/v1/cases/${c.id}/status`, { to: 'active' })).json().status).toBe('active');
    const noReason = await knpa.post(`/api/v1/cases/${c.id}/status`, { to: 'closed' });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().code).toBe('invalid-transition');
    const closed = (
      await knpa.post(`/api/v1/cases/${c.id}/status`, { to: 'closed', reason: 'solved' })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'solved', version: 3 });
    expect((await knpa.post(`/api/v1/cases/${c.id}/status`, { to: 'suspended' })).statusCode).toBe(409);
    expect(
      (await knpa.post(`/api/v1/cases/${c.id}/status`, { to: 'active', reason: 'reopened' })).json(),
    ).toMatchObject({ status: 'active', closeReason: null });
    expect(await auditActions(c.id)).toEqual([
      'case.created',
      'case.status_changed',
      'case.status_changed',
      'case.status_changed',
    ]);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const c = (await knpa.post('/api/v1/cases', caseBody({ title: 'Before' }))).json();
    const patch = (title: string, version: string) =>
      knpa.request({
        method: 'PATCH',
        url: `/api/v1/cases/${c.id}`,
        payload: { title },
        headers: { 'if-match': version },
      });
    const first = await patch('First edit', '"1"');
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await patch('Second edit from an old page', '"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect((await knpa.get(`/api/v1/cases/${c.id}`)).json().case.title).toBe('First edit');
    expect(
      (await knpa.request({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, payload: { title: 'x' } }))
        .statusCode,
    ).toBe(400);
  });
});

describe('tasks, notes and the timeline', () => {
  it('keeps every revision of a note and refuses an edit of an old version', async () => {
    const c = (await knpa.post('/api/v1/cases', caseBody())).json();
    const note = (
      await knpa.post(`/api/v1/cases/${c.id}/notes`, {
        body: '<p>First <script>alert(1)</script><a href="javascript:x()">link</a></p>',
        format: 'html',
        language: 'en',
      })
    ).json();
    expect(note.body).toBe('<p>First <a rel="noopener noreferrer" target="_blank">link</a></p>');
    const edited = await knpa.request({
      method: 'PUT',
      url: `/api/v1/cases/${c.id}/notes/${note.id}`,
      payload: { body: '두 번째 판', language: 'ko', format: 'markdown', baseVersion: 1 },
    });
    expect(edited.json()).toMatchObject({ version: 2, language: 'ko', body: '두 번째 판' });
    const stale = await knpa.request({
      method: 'PUT',
      url: `/api/v1/cases/${c.id}/notes/${note.id}`,
      payload: { body: 'late', baseVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const revisions = (await knpa.get(`/api/v1/cases/${c.id}/notes/${note.id}/revisions`)).json();
    expect(revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(revisions[1].body).toContain('First');
  });

  it('rejects a 50 MB note with a clear message and writes nothing', async () => {
    const c = (await knpa.post('/api/v1/cases', caseBody())).json();
    const before = await t.node.app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const huge = await knpa.post(`/api/v1/cases/${c.id}/notes`, {
      body: 'x'.repeat(50 * 1024 * 1024),
      language: 'en',
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    expect(huge.json().title).toMatch(/too large/);
    const long = await knpa.post(`/api/v1/cases/${c.id}/notes`, {
      body: 'x'.repeat(300_000),
      language: 'en',
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].message).toMatch(/at most 200,000 characters/);
    const notes = await t.node.app.db
      .selectFrom('case_notes')
      .select('id')
      .where('case_id', '=', c.id)
      .execute();
    expect(notes).toHaveLength(0);
    const after = await t.node.app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('adds, completes and deletes tasks, and shows everything on the case page', async () => {
    const c = (await knpa.post('/api/v1/cases', caseBody())).json();
    const assignee = await userId('investigator@cnp.demo');
    const task = (
      await knpa.post(`/api/v1/cases/${c.id}/tasks`, {
        title: 'Request account freeze',
        assigneeId: assignee,
        dueDate: '2020-01-01',
      })
    ).json();
    expect(task).toMatchObject({ status: 'todo', dueDate: '2020-01-01', assigneeId: assignee });
    await knpa.post(`/api/v1/cases/${c.id}/tasks`, { title: 'Second task' });
    const done = (await knpa.patch(`/api/v1/cases/${c.id}/tasks/${task.id}`, { status: 'done' })).json();
    expect(done.completedAt).not.toBeNull();
    await knpa.post(`/api/v1/cases/${c.id}/timeline`, {
      occurredAt: '2026-01-23T09:00:00+09:00',
      kind: 'handover',
      text: 'Charter flight landed',
    });
    await knpa.post(`/api/v1/cases/${c.id}/timeline`, {
      occurredAt: '2026-01-23T05:00:00+07:00',
      kind: 'deportation',
      text: 'Boarded in Phnom Penh',
    });
    const page = (await knpa.get(`/api/v1/cases/${c.id}`)).json();
    expect(page.timeline.map((e: { kind: string }) => e.kind)).toEqual(['deportation', 'handover']);
    expect(page.timeline[0].occurredAt).toBe('2026-01-23T05:00:00+07:00');
    expect(page.counts).toMatchObject({ tasks: 2, openTasks: 1, overdueTasks: 0, timeline: 2 });
    expect((await knpa.delete(`/api/v1/cases/${c.id}/tasks/${task.id}`)).statusCode).toBe(204);
    expect(await auditActions(c.id)).toEqual([
      'case.created',
      'case.task_created',
      'case.task_created',
      'case.task_updated',
      'case.timeline_added',
      'case.timeline_added',
      'case.task_deleted',
    ]);
  });
});
