import type { Agency, AgencyInput, RoleGrant, Unit, User, UserInput } from '@liaison/core';
import { api } from './api.ts';

export type UserChanges = Partial<
  Pick<User, 'displayName' | 'unitId' | 'roles' | 'disabled' | 'language' | 'timeZone'>
>;

/** Typed calls for agencies, units and users (the routes in server/accounts/routes/admin-routes.ts). */
export const accountsApi = {
  agencies: () => api.get<Agency[]>('/api/v1/agencies'),
  createAgency: (input: AgencyInput) => api.post<Agency>('/api/v1/agencies', input),
  units: (agencyId: string) => api.get<Unit[]>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/units`),
  createUnit: (agencyId: string, name: string) =>
    api.post<Unit>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/units`, { name }),
  users: (agencyId?: string) => api.get<User[]>('/api/v1/users', { agencyId }),
  user: (id: string) => api.get<User>(`/api/v1/users/${encodeURIComponent(id)}`),
  createUser: (input: UserInput) => api.post<User>('/api/v1/users', input),
  updateUser: (id: string, changes: UserChanges) =>
    api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, changes),
  resetPassword: (id: string, password: string, resetTotp: boolean) =>
    api.post<void>(`/api/v1/users/${encodeURIComponent(id)}/password`, { password, resetTotp }),
  roleGrants: (filter: { state?: RoleGrant['state']; userId?: string }) =>
    api.get<RoleGrant[]>('/api/v1/role-grants', filter),
  decideRoleGrant: (id: string, decision: 'approve' | 'decline') =>
    api.post<RoleGrant>(`/api/v1/role-grants/${encodeURIComponent(id)}/${decision}`),
};
