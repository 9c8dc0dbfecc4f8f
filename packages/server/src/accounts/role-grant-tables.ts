import type { Role } from '@liaison/core';
import type { NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

/** Migration 0017: roles proposed by one administrator for another's approval (role-grants-service.ts). */
export interface RoleGrantTables {
  role_grants: {
    id: Uuid;
    user_id: string;
    roles: Role[];
    state: 'pending' | 'approved' | 'declined';
    proposed_by: string;
    proposed_at: Timestamp;
    decided_by: string | null;
    decided_at: NullableTimestamp;
  };
}
