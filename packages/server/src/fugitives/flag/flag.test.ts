import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, person, whoAmI } from '../../graph/entities/graph-test-support.ts';
import {
  createTestCase,
  createTestRescueReport,
  rescueReportBody,
  userPrincipal,
} from '../../testing/factories.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { insertWantedPersons } from './flag-test-support.ts';

const leeWanted = {
  names: [
    { value: '이영수', script: 'hangul' as const, kind: 'primary' as const },
    { value: 'LEE YOUNGSOO', script: 'latin' as const, kind: 'passport' as const },
  ],
  birthDate: '1984-03-04',
  passportNumber: 'KR:M70001234',
  interpol: { noticeType: 'red', reference: 'A-1234/5-2026', status: 'published' },
};

describe('fugitive flag', () => {
  let t: TestNode;
  let fugitiveId: string;
  beforeAll(async () => {
    t = await startTestNode();
    fugitiveId = (await insertWantedPersons(t.node.app.db, [leeWanted]))[0]!;
  });
  afterAll(() => t.close());

  it('flags a person created in a case under the passport spelling, explained, audited and pushed live', async () => {
    const officer = await t.signIn(['liaison_officer']);
    const investigator = await t.signIn(['investigator']);
    const events: unknown[] = [];
    const stop = t.node.app.events.subscribe((e) => events.push(e));
    const caseId = await makeCase(t.node, investigator);
    const created = await investigator.post('/api/v1/entities', {
      ...person([{ value: 'YOUNGSOO LEE', script: 'latin' }], { birthDate: '1984-04-03' }),
      caseId,
    });
    expect(created.statusCode).toBe(201);
    const list = (await officer.get('/api/v1/fugitive-flags')).json();
    const flag = list.flags.find((f: { fugitive: { id: string } }) => f.fugitive.id === fugitiveId);
    expect(flag).toMatchObject({
      status: 'open',
      source: 'created',
      subject: { kind: 'entity', caseId },
      fugitive: { noticeType: 'red' },
      explanation: {
        name: { seen: 'YOUNGSOO LEE', wanted: 'LEE YOUNGSOO', wantedKind: 'passport', surname: 'exact' },
        birthDate: { agreement: 'day-month-swapped', seen: '1984-04-03', wanted: '1984-03-04' },
        passport: null,
      },
    });
    await expect
      .poll(() =>
        events.some((e) => (e as { type: string; payload: { flagId: string } }).payload?.flagId === flag.id),
      )
      .toBe(true);
    stop();
    const audited = await t.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', flag.id)
      .execute();
    expect(audited.map((a) => a.action)).toContain('fugitive.flag.raised');
    // An investigator without fugitives.alerts sees none of it.
    expect((await investigator.get('/api/v1/fugitive-flags')).statusCode).toBe(403);
  });

  it('flags the person a rescue report names, by passport spelling and birth date', async () => {
    const officer = await t.signInAs(['liaison_officer']);
    const filed = await createTestRescueReport(t.node.app, officer.actor, {
      person: {
        ...rescueReportBody().person,
        namesHangul: [],
        namesLatin: ['LEE YOUNG SOO'],
        birthDate: '1984-03-04',
        passportNumber: undefined,
        phone: undefined,
        telegram: undefined,
      },
    });
    const flags = (await officer.client.get('/api/v1/fugitive-flags')).json().flags;
    const flag = flags.find((f: { subject: { id: string } }) => f.subject.id === filed.caseId);
    expect(flag).toMatchObject({
      source: 'rescue-report',
      subject: { kind: 'rescue_case', label: filed.reference },
    });
    expect(flag.explanation.birthDate.agreement).toBe('equal');
  });

  it('dismisses with a reason, remembered: the same person and fugitive never flag again', async () => {
    const officer = await t.signIn(['liaison_officer']);
    const investigator = await t.signIn(['investigator']);
    const caseId = await makeCase(t.node, investigator);
    const entity = (
      await investigator.post('/api/v1/entities', {
        ...person([{ value: '이영수', script: 'hangul' }], { passportNumbers: ['M70001234'] }),
        caseId,
      })
    ).json();
    const entityId = entity.entity?.id ?? entity.id;
    const flag = (await officer.get('/api/v1/fugitive-flags'))
      .json()
      .flags.find((f: { subject: { id: string } }) => f.subject.id === entityId);
    expect(flag.explanation.passport).toEqual({ number: 'M70001234' });
    const bad = await officer.post(`/api/v1/fugitive-flags/${flag.id}/dismiss`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('reason');
    const dismissed = await officer.post(`/api/v1/fugitive-flags/${flag.id}/dismiss`, {
      reason: 'Namesake; passport typo',
    });
    expect(dismissed.json()).toMatchObject({
      status: 'dismissed',
      decision: { reason: 'Namesake; passport typo' },
    });
    // Added to another case: the person appears again, the pair is not flagged again.
    const other = await makeCase(t.node, investigator);
    await investigator.post(`/api/v1/cases/${other}/entities`, { entityId });
    const again = await t.node.app.db
      .selectFrom('fugitive_flags')
      .select('id')
      .where('subject_id', '=', entityId)
      .execute();
    expect(again).toHaveLength(1);
    expect((await officer.post(`/api/v1/fugitive-flags/${flag.id}/confirm`, {})).statusCode).toBe(409);
  });

  it('confirms: the person entity becomes the fugitive’s graph person', async () => {
    const [otherId] = await insertWantedPersons(t.node.app.db, [
      { names: [{ value: '박지훈', script: 'hangul', kind: 'primary' }], birthDate: '1990-07-21' },
    ]);
    const officer = await t.signIn(['liaison_officer']);
    const investigator = await t.signIn(['investigator']);
    const caseId = await makeCase(t.node, investigator);
    await investigator.post('/api/v1/entities', {
      ...person([{ value: 'PARK JIHOON', script: 'latin' }], { birthDate: '1990-07-21' }),
      caseId,
    });
    const flag = (await officer.get('/api/v1/fugitive-flags'))
      .json()
      .flags.find((f: { fugitive: { id: string } }) => f.fugitive.id === otherId);
    const confirmed = await officer.post(`/api/v1/fugitive-flags/${flag.id}/confirm`, {});
    expect(confirmed.json().status).toBe('confirmed');
    const row = await t.node.app.db
      .selectFrom('fugitives')
      .select('person_entity_id')
      .where('id', '=', otherId!)
      .executeTakeFirstOrThrow();
    expect(row.person_entity_id).toBe(flag.subject.id);
  });

  it('shows a flag only to who may see its person: one in a RED case stays with that case', async () => {
    const [parkId] = await insertWantedPersons(t.node.app.db, [
      {
        names: [
          { value: '박민준', script: 'hangul', kind: 'primary' },
          { value: 'PARK MINJUN', script: 'latin', kind: 'passport' },
        ],
        birthDate: '1979-07-21',
      },
    ]);
    const officer = await t.signIn(['liaison_officer']);
    const investigator = await t.signIn(['investigator']);
    const me = await whoAmI(investigator);
    const redCase = await createTestCase(t.node.app, await userPrincipal(t.node.app, me.id), {
      title: 'Informant handling',
      markings: { tlp: 'RED', handlingCode: 'H2' },
    });
    const created = await investigator.post('/api/v1/entities', {
      ...person([{ value: 'PARK MINJUN', script: 'latin' }], { birthDate: '1979-07-21' }),
      caseId: redCase.id,
    });
    expect(created.statusCode).toBe(201);
    const raised = await t.node.app.db
      .selectFrom('fugitive_flags')
      .select('id')
      .where('fugitive_id', '=', parkId!)
      .executeTakeFirstOrThrow();
    // Raised (the case's own officers learn it through their case), but not shown to an officer outside it.
    const list = (await officer.get('/api/v1/fugitive-flags')).json();
    expect(list.flags.some((f: { id: string }) => f.id === raised.id)).toBe(false);
    expect((await officer.get(`/api/v1/fugitive-flags/${raised.id}`)).statusCode).toBe(404);
    const dismiss = await officer.post(`/api/v1/fugitive-flags/${raised.id}/dismiss`, { reason: 'not him' });
    expect(dismiss.statusCode).toBe(404);
  });

  it('does not flag a namesake born on another day', async () => {
    const investigator = await t.signIn(['investigator']);
    const caseId = await makeCase(t.node, investigator);
    const before = await t.node.app.db.selectFrom('fugitive_flags').select('id').execute();
    await investigator.post('/api/v1/entities', {
      ...person([{ value: 'LEE YOUNGSOO', script: 'latin' }], { birthDate: '1991-11-30' }),
      caseId,
    });
    const after = await t.node.app.db.selectFrom('fugitive_flags').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});
