import type { RoleGrant, User } from '@liaison/core';
import { describe, expect, it } from 'vitest';
import { grantActions, resetRefusal } from './grant-rules.ts';

const knpa = { agencyId: 'a-knpa', agencyCode: 'KNPA', permissions: ['users.manage', 'users.read'] };
const me = { ...knpa, id: 'me' };
const grant = (over: Partial<RoleGrant> = {}): RoleGrant => ({
  id: 'g',
  user: { id: 'officer', displayName: 'Officer', email: 'o@knpa.demo', agencyCode: 'KNPA' },
  roles: ['investigator'],
  state: 'pending',
  proposedBy: { id: 'other-admin', displayName: 'Other' },
  proposedAt: '2026-01-01T00:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  ...over,
});

describe('who decides on a role grant', () => {
  it('lets another administrator of the user’s agency approve or decline', () => {
    expect(grantActions(me, grant())).toEqual({ approve: true, decline: true });
  });

  it('lets the proposer only withdraw', () => {
    expect(grantActions(me, grant({ proposedBy: { id: 'me', displayName: 'Me' } }))).toEqual({
      approve: false,
      decline: true,
    });
  });

  it('leaves a grant of one’s own roles, or another agency’s user, to someone else', () => {
    const own = grant({ user: { id: 'me', displayName: 'Me', email: 'm@knpa.demo', agencyCode: 'KNPA' } });
    expect(grantActions(me, own)).toEqual({ approve: false, decline: false });
    const cnp = grant({ user: { id: 'x', displayName: 'X', email: 'x@cnp.demo', agencyCode: 'CNP' } });
    expect(grantActions(me, cnp)).toEqual({ approve: false, decline: false });
  });

  it('offers nothing without users.manage, or once decided', () => {
    expect(grantActions({ ...me, permissions: ['users.read'] }, grant())).toEqual({
      approve: false,
      decline: false,
    });
    expect(grantActions(me, grant({ state: 'approved' }))).toEqual({ approve: false, decline: false });
  });
});

describe('who resets a password here', () => {
  const user = (over: Partial<User>): User => ({
    id: 'u',
    email: 'u@knpa.demo',
    displayName: 'U',
    agencyId: 'a-knpa',
    agencyCode: 'KNPA',
    unitId: null,
    roles: ['investigator'],
    language: 'en',
    timeZone: 'Asia/Seoul',
    disabled: false,
    totpEnrolled: false,
    lockedUntil: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    pendingRoles: [],
    ...over,
  });

  it('is an administrator of the user’s own agency, for anyone but a fellow administrator', () => {
    expect(resetRefusal(me, user({}))).toBeNull();
    expect(resetRefusal(me, user({ agencyId: 'a-cnp', agencyCode: 'CNP' }))).toBe('other-agency');
    expect(resetRefusal(me, user({ roles: ['administrator'] }))).toBe('administrator');
    expect(resetRefusal(me, user({ id: 'me', roles: ['administrator'] }))).toBeNull();
  });
});
