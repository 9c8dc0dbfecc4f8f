import { describe, expect, it } from 'vitest';
import { authorize, can } from './actor.ts';
import { hasPermission, permissions, rolePermissions } from './permissions.ts';
import { roles } from './roles.ts';

const actor = (role: (typeof roles)[number]) => ({
  userId: 'u',
  agencyId: 'a',
  agencyCode: 'KNPA',
  unitId: null,
  roles: [role],
  email: 'x@y.z',
  displayName: 'X',
  via: 'session' as const,
});

describe('roles and permissions', () => {
  it('gives every permission to at least one role', () => {
    for (const permission of permissions) {
      expect(
        roles.some((role) => rolePermissions[role].includes(permission)),
        permission,
      ).toBe(true);
    }
  });

  it('leaves every permission missing from at least one non-administrator role (so the route walk can test it)', () => {
    for (const permission of permissions) {
      expect(
        roles.some((role) => role !== 'administrator' && !rolePermissions[role].includes(permission)),
        permission,
      ).toBe(true);
    }
  });

  it('keeps the auditor read-only and away from case content', () => {
    expect(rolePermissions.auditor.every((p) => p.endsWith('.read'))).toBe(true);
    expect(hasPermission(['auditor'], 'cases.read')).toBe(false);
  });

  it('throws forbidden with the permission named', () => {
    expect(() => authorize(actor('forensic_examiner'), 'users.manage')).toThrow(/users\.manage/);
    expect(can(actor('administrator'), 'users.manage')).toBe(true);
  });
});
