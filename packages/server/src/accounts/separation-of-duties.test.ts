import type { Role } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode, testPassword } from '../testing/test-node.ts';

let t: TestNode;
/** Two administrators of KNPA and one of CNP. */
let admin: TestClient;
let secondAdmin: TestClient;
let cnpAdmin: TestClient;
let adminId: string;
beforeAll(async () => {
  t = await startTestNode();
  admin = await t.signIn(['administrator']);
  secondAdmin = await t.signIn(['administrator']);
  cnpAdmin = await t.signIn(['administrator'], 'CNP');
  adminId = (await admin.get('/api/v1/me')).json().id;
});
afterAll(() => t.close());

const idOf = async (client: TestClient) => (await client.get('/api/v1/me')).json().id as string;
const rolesOf = async (id: string) => (await secondAdmin.get(`/api/v1/users/${id}`)).json().roles as Role[];

async function audited(action: string, recordId: string) {
  return t.node.app.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'details'])
    .where('action', '=', action)
    .where('record_id', '=', recordId)
    .execute();
}

async function pendingGrantFor(userId: string) {
  const grants = (await secondAdmin.get(`/api/v1/role-grants?state=pending&userId=${userId}`)).json();
  expect(grants).toHaveLength(1);
  return grants[0] as { id: string; roles: Role[]; proposedBy: { id: string } };
}

describe('an administrator’s own roles', () => {
  it('cannot be raised by that administrator (403, audited, nothing changes)', async () => {
    const response = await admin.patch(`/api/v1/users/${adminId}`, {
      roles: ['administrator', 'investigator'],
    });
    expect(response.statusCode).toBe(403);
    expect(await rolesOf(adminId)).toEqual(['administrator']);
    const grants = (await admin.get(`/api/v1/role-grants?userId=${adminId}`)).json();
    expect(grants).toEqual([]);
    const refusals = await audited('user.roles_refused', adminId);
    expect(refusals).toEqual([
      expect.objectContaining({
        actor_id: adminId,
        details: { reason: 'own-roles', roles: ['investigator'] },
      }),
    ]);
  });

  it('cannot take even a role without case data, but can keep its roles while editing its name', async () => {
    expect(
      (await admin.patch(`/api/v1/users/${adminId}`, { roles: ['administrator', 'auditor'] })).statusCode,
    ).toBe(403);
    const renamed = await admin.patch(`/api/v1/users/${adminId}`, {
      displayName: 'Renamed',
      roles: ['administrator'],
    });
    expect(renamed.statusCode).toBe(200);
  });

  it('cannot be raised by approving a grant of one’s own roles', async () => {
    const grantee = await t.signIn(['administrator']);
    const granteeId = await idOf(grantee);
    expect(
      (await admin.patch(`/api/v1/users/${granteeId}`, { roles: ['administrator', 'analyst'] })).statusCode,
    ).toBe(200);
    const grant = await pendingGrantFor(granteeId);
    const own = await grantee.post(`/api/v1/role-grants/${grant.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(await rolesOf(granteeId)).toEqual(['administrator']);
    expect((await audited('role_grant.approve_refused', grant.id))[0]?.details).toMatchObject({
      reason: 'own-roles',
    });
  });
});

describe('granting a role that reads case data', () => {
  it('makes a pending grant that a second administrator approves, never the proposer', async () => {
    const officer = await t.signIn(['auditor']);
    const officerId = await idOf(officer);
    const proposed = await admin.patch(`/api/v1/users/${officerId}`, { roles: ['auditor', 'investigator'] });
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json()).toMatchObject({ roles: ['auditor'], pendingRoles: ['investigator'] });
    expect((await officer.get('/api/v1/cases')).statusCode).toBe(403);

    const grant = await pendingGrantFor(officerId);
    expect(grant).toMatchObject({ roles: ['investigator'], proposedBy: { id: adminId } });
    const byProposer = await admin.post(`/api/v1/role-grants/${grant.id}/approve`);
    expect(byProposer.statusCode).toBe(403);
    expect(await rolesOf(officerId)).toEqual(['auditor']);

    const approved = await secondAdmin.post(`/api/v1/role-grants/${grant.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', decidedBy: { id: await idOf(secondAdmin) } });
    expect(await rolesOf(officerId)).toEqual(['investigator', 'auditor']);
    // The officer's session ended with the change of roles; signed in again, the new role works.
    expect((await officer.get('/api/v1/me')).statusCode).toBe(401);
    const email = (await secondAdmin.get(`/api/v1/users/${officerId}`)).json().email;
    const again = t.client();
    await again.login(email, testPassword);
    expect((await again.get('/api/v1/cases')).statusCode).toBe(200);

    expect(await audited('role_grant.proposed', grant.id)).toHaveLength(1);
    expect(await audited('role_grant.approved', grant.id)).toHaveLength(1);
    expect((await audited('role_grant.approve_refused', grant.id))[0]?.details).toMatchObject({
      reason: 'own-proposal',
    });
    expect((await secondAdmin.post(`/api/v1/role-grants/${grant.id}/approve`)).statusCode).toBe(409);
  });

  it('holds when the user is created with such a role: the account starts without it', async () => {
    const agencyId = (await admin.get('/api/v1/me')).json().agencyId;
    const created = await admin.post('/api/v1/users', {
      email: 'new.investigator@knpa.test',
      displayName: 'New Investigator',
      agencyId,
      roles: ['investigator', 'auditor'],
      password: testPassword,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ roles: ['auditor'], pendingRoles: ['investigator'] });
    const listed = (await admin.get('/api/v1/users'))
      .json()
      .find((u: { id: string }) => u.id === created.json().id);
    expect(listed.pendingRoles).toEqual(['investigator']);
  });

  it('applies removals and roles without case data at once', async () => {
    const officer = await t.signIn(['investigator']);
    const officerId = await idOf(officer);
    const changed = await admin.patch(`/api/v1/users/${officerId}`, { roles: ['auditor'] });
    expect(changed.json()).toMatchObject({ roles: ['auditor'], pendingRoles: [] });
  });

  it('can be declined, by another administrator or withdrawn by the proposer', async () => {
    const officer = await t.signIn(['auditor']);
    const officerId = await idOf(officer);
    await admin.patch(`/api/v1/users/${officerId}`, { roles: ['auditor', 'commander'] });
    const first = await pendingGrantFor(officerId);
    const again = await admin.patch(`/api/v1/users/${officerId}`, { roles: ['auditor', 'analyst'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('/roles');
    expect((await secondAdmin.post(`/api/v1/role-grants/${first.id}/decline`)).json().state).toBe('declined');
    await admin.patch(`/api/v1/users/${officerId}`, { roles: ['auditor', 'analyst'] });
    const second = await pendingGrantFor(officerId);
    expect((await admin.post(`/api/v1/role-grants/${second.id}/decline`)).statusCode).toBe(200);
    expect(await rolesOf(officerId)).toEqual(['auditor']);
    expect(await audited('role_grant.declined', second.id)).toHaveLength(1);
  });

  it('for another agency’s user is approved by that agency’s administrator only', async () => {
    const cnpOfficer = await t.signIn(['auditor'], 'CNP');
    const cnpOfficerId = await idOf(cnpOfficer);
    await admin.patch(`/api/v1/users/${cnpOfficerId}`, { roles: ['auditor', 'investigator'] });
    const grant = await pendingGrantFor(cnpOfficerId);
    const byKnpa = await secondAdmin.post(`/api/v1/role-grants/${grant.id}/approve`);
    expect(byKnpa.statusCode).toBe(403);
    expect(byKnpa.json().detail).toMatch(/administrator of CNP/);
    expect((await cnpAdmin.post(`/api/v1/role-grants/${grant.id}/approve`)).statusCode).toBe(200);
    expect(await rolesOf(cnpOfficerId)).toEqual(['investigator', 'auditor']);
  });

  it('is not approved with an API token', async () => {
    const officer = await t.signIn(['auditor']);
    const officerId = await idOf(officer);
    await admin.patch(`/api/v1/users/${officerId}`, { roles: ['auditor', 'analyst'] });
    const grant = await pendingGrantFor(officerId);
    const token = (await secondAdmin.post('/api/v1/me/tokens', { name: 'script', expiresInDays: 1 })).json()
      .token;
    const byToken = await t
      .client()
      .post(`/api/v1/role-grants/${grant.id}/approve`, undefined, { authorization: `Bearer ${token}` });
    expect(byToken.statusCode).toBe(403);
    expect(await rolesOf(officerId)).toEqual(['auditor']);
  });
});

describe('resetting another user’s password and authenticator', () => {
  it('is refused for another agency’s users (audited; the password still works)', async () => {
    const cnpOfficer = await t.signIn(['investigator'], 'CNP');
    const cnpOfficerId = await idOf(cnpOfficer);
    for (const resetTotp of [false, true]) {
      const reset = await admin.post(`/api/v1/users/${cnpOfficerId}/password`, {
        password: 'the administrator knows this one',
        resetTotp,
      });
      expect(reset.statusCode).toBe(403);
    }
    expect((await cnpOfficer.get('/api/v1/me')).statusCode).toBe(200);
    const refusals = await audited('user.password_reset_refused', cnpOfficerId);
    expect(refusals.map((r) => r.details)).toEqual([
      { reason: 'other-agency', resetTotp: false },
      { reason: 'other-agency', resetTotp: true },
    ]);
    // That agency's administrator does it.
    const byCnp = await cnpAdmin.post(`/api/v1/users/${cnpOfficerId}/password`, {
      password: 'a new long enough password',
      resetTotp: true,
    });
    expect(byCnp.statusCode).toBe(204);
  });

  it('is refused for a fellow administrator, who could then approve one’s grants', async () => {
    const fellowId = await idOf(secondAdmin);
    const reset = await admin.post(`/api/v1/users/${fellowId}/password`, {
      password: 'the administrator knows this one',
      resetTotp: true,
    });
    expect(reset.statusCode).toBe(403);
    expect((await secondAdmin.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('works for the users of one’s own agency', async () => {
    const officer = await t.signIn(['analyst']);
    const reset = await admin.post(`/api/v1/users/${await idOf(officer)}/password`, {
      password: 'a new long enough password',
      resetTotp: false,
    });
    expect(reset.statusCode).toBe(204);
  });
});

describe('the attack: the node administrator reading another agency’s RED case', () => {
  it('fails at every step', async () => {
    const cnpOfficer = await t.signIn(['investigator'], 'CNP');
    const cnpOfficerId = await idOf(cnpOfficer);
    const email = (await cnpOfficer.get('/api/v1/me')).json().email;
    const red = await cnpOfficer.post(
      '/api/v1/cases',
      caseBody({
        title: 'Informant inside the compound',
        leadAgency: 'CNP',
        markings: { tlp: 'RED', handlingCode: 'H2' },
      }),
    );
    expect(red.statusCode).toBe(201);
    const caseId = red.json().id;

    // 1. Grant itself a role that reads cases.
    expect(
      (await admin.patch(`/api/v1/users/${adminId}`, { roles: ['administrator', 'investigator'] }))
        .statusCode,
    ).toBe(403);
    expect((await admin.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(403);
    // 2. Take over the officer's account.
    const takeover = await admin.post(`/api/v1/users/${cnpOfficerId}/password`, {
      password: 'the administrator knows this one',
      resetTotp: true,
    });
    expect(takeover.statusCode).toBe(403);
    const asOfficer = t.client();
    expect((await asOfficer.login(email, 'the administrator knows this one')).statusCode).toBe(401);
    // The officer still reads their case.
    expect((await cnpOfficer.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });
});
