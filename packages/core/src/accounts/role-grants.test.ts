import { describe, expect, it } from 'vitest';
import { rolePermissions } from './permissions.ts';
import { caseDataPermissions, needsApproval, rolesNeedingApproval } from './role-grants.ts';
import { roles } from './roles.ts';

describe('roles that need a second administrator', () => {
  it('are every role that reads case data, and administrator', () => {
    for (const role of roles) {
      const readsCaseData = rolePermissions[role].some((p) => caseDataPermissions.includes(p));
      expect(needsApproval(role), role).toBe(readsCaseData || role === 'administrator');
    }
  });

  it('leave the auditor (the audit log, no case data) to one administrator', () => {
    expect(rolesNeedingApproval).not.toContain('auditor');
    expect(rolesNeedingApproval).toEqual(expect.arrayContaining(['investigator', 'consular_officer']));
  });
});
