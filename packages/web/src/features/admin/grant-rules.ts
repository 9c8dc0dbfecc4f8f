import type { Me, RoleGrant, User } from '@liaison/core';

type Viewer = Pick<Me, 'id' | 'agencyId' | 'agencyCode' | 'permissions'>;

/**
 * What the viewer may do with a pending grant, as the server decides it (accounts/role-grants-service.ts):
 * the proposer only withdraws; another administrator of the user's agency, not the user, approves or declines.
 */
export function grantActions(viewer: Viewer, grant: RoleGrant): { approve: boolean; decline: boolean } {
  if (!viewer.permissions.includes('users.manage') || grant.state !== 'pending')
    return { approve: false, decline: false };
  if (grant.proposedBy.id === viewer.id) return { approve: false, decline: true };
  const may = grant.user.id !== viewer.id && grant.user.agencyCode === viewer.agencyCode;
  return { approve: may, decline: may };
}

/** Why the viewer may not reset this user's password here, or null when they may. */
export function resetRefusal(viewer: Viewer, user: User): 'other-agency' | 'administrator' | null {
  if (user.agencyId !== viewer.agencyId) return 'other-agency';
  if (user.id !== viewer.id && user.roles.includes('administrator')) return 'administrator';
  return null;
}
