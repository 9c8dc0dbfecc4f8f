import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCase,
  createTestEntity,
  createTestLink,
  createTestRescueReport,
  createTestUser,
  userPrincipal,
} from './factories.ts';
import { startTestNode, type TestNode } from './test-node.ts';

// The factories make records as the product does (the owning services: numbering, audit, indexing), so a test
// built on them sees what a user would have made.

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

const audited = (action: string, subject: string) =>
  t.node.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', action)
    .where('record_id', '=', subject)
    .execute();

describe('test factories', () => {
  it('makes a user who can sign in, and the same principal from its id', async () => {
    const { email, password, actor } = await createTestUser(t.node.app, ['investigator'], 'CNP');
    expect(actor).toMatchObject({ agencyCode: 'CNP', roles: ['investigator'], via: 'session', email });
    expect(await userPrincipal(t.node.app, actor.userId)).toEqual(actor);
    const login = await t.client().post('/api/v1/auth/login', { email, password });
    expect(login.statusCode, login.body).toBe(200);
  });

  it('makes a numbered, audited case with its creator assigned, an indexed entity in it and a link', async () => {
    const { actor } = await createTestUser(t.node.app, ['investigator']);
    const created = await createTestCase(t.node.app, actor, { title: 'Factory case' });
    expect(created).toMatchObject({ title: 'Factory case', leadAgency: 'KNPA' });
    expect(created.number).toMatch(/^KNPA-\d{4}-\d{6}$/);
    expect(await audited('case.created', created.id)).toHaveLength(1);

    const phone = await createTestEntity(
      t.node.app,
      actor,
      { type: 'phone', properties: { number: '+855 12 777 001' } },
      created.id,
    );
    expect(phone.identifiers[0]).toMatchObject({ value: '+85512777001' });
    const owner = await createTestEntity(t.node.app, actor, {
      type: 'person',
      properties: { names: [{ kind: 'primary', value: 'Factory Person', script: 'latin' }] },
    });
    const link = await createTestLink(t.node.app, actor, {
      type: 'uses',
      sourceId: owner.entity.id,
      targetId: phone.entity.id,
    });
    expect(link).toMatchObject({ sourceId: owner.entity.id, targetId: phone.entity.id });
  });

  it('files a rescue report through intake, as a new case', async () => {
    const { actor } = await createTestUser(t.node.app, ['consular_officer'], 'MOFA');
    const filed = await createTestRescueReport(t.node.app, actor);
    expect(filed.reference).toBeTruthy();
    const row = await t.node.app.db
      .selectFrom('rescue_cases')
      .select('id')
      .where('id', '=', filed.caseId)
      .executeTakeFirst();
    expect(row?.id).toBe(filed.caseId);
  });
});
