import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

describe('what needs me now', () => {
  it("lists the investigator's open and overdue tasks from cases they may see", async () => {
    const investigator = await t.signIn(['investigator']);
    const me = (await investigator.get('/api/v1/me')).json();
    const created = await investigator.post('/api/v1/cases', {
      title: 'Bavet compound voice phishing',
      language: 'en',
      crimeTypes: ['voice_phishing'],
      leadAgency: 'KNPA',
      markings: { tlp: 'AMBER', handlingCode: 'H1' },
    });
    expect(created.statusCode).toBe(201);
    const caseId = created.json().id;
    const task = await investigator.post(`/api/v1/cases/${caseId}/tasks`, {
      title: 'Freeze the mule account',
      assigneeId: me.id,
      dueDate: '2026-01-02',
    });
    expect(task.statusCode).toBe(201);
    const home = (await investigator.get('/api/v1/home')).json();
    expect(home.tasks).toEqual([
      expect.objectContaining({ title: 'Freeze the mule account', caseId, dueDate: '2026-01-02' }),
    ]);
    expect(home.overdue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'task', label: expect.stringContaining('Freeze the mule account') }),
      ]),
    );
    expect(home.hits).toEqual([]);
  });

  it('leaves out the sections a role may not see', async () => {
    const auditor = await t.signIn(['auditor']);
    const home = (await auditor.get('/api/v1/home')).json();
    expect(home).toMatchObject({ tasks: null, hits: null, messages: null, rescue: null });
  });

  it('counts open rescue cases by risk without personal data for a consular officer', async () => {
    const consular = await t.signIn(['consular_officer']);
    const home = (await consular.get('/api/v1/home')).json();
    expect(home.rescue).toMatchObject({ open: expect.any(Number), byRisk: expect.any(Object) });
    expect(JSON.stringify(home.rescue)).not.toMatch(/person|name|passport/i);
  });
});
