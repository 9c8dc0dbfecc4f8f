import type { SystemJob, SystemPrincipal } from '@liaison/core';

/** The node itself acting as a named job (the CLI by default): permitted, and audited with no user id. */
export function systemActor(agency: { id: string; code: string }, job: SystemJob = 'cli'): SystemPrincipal {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    agencyId: agency.id,
    agencyCode: agency.code,
    unitId: null,
    roles: [],
    email: 'system',
    displayName: 'System',
    via: 'system',
    job,
  };
}
