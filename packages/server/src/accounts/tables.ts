import type { Role } from '@liaison/core';
import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

export interface AccountTables {
  agencies: { id: Uuid; code: string; name: string; country: string; created_at: Timestamp };
  units: { id: Uuid; agency_id: string; name: string; created_at: Timestamp };
  users: {
    id: Uuid;
    email: string;
    display_name: string;
    agency_id: string;
    unit_id: string | null;
    roles: Role[];
    password_hash: string;
    language: Generated<string>;
    time_zone: Generated<string>;
    disabled: Generated<boolean>;
    totp_secret: string | null;
    totp_enrolled_at: NullableTimestamp;
    /** The last TOTP time step accepted (migration 0011): codes of that step or earlier are refused. */
    totp_last_step: number | null;
    failed_logins: Generated<number>;
    locked_until: NullableTimestamp;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  recovery_codes: { user_id: string; code_hash: string; used_at: NullableTimestamp };
  sessions: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Timestamp;
    last_seen_at: Timestamp;
    expires_at: Timestamp;
    ip: string | null;
    user_agent: string | null;
  };
  api_tokens: {
    id: Uuid;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: Timestamp;
    last_used_at: NullableTimestamp;
    expires_at: NullableTimestamp;
    revoked_at: NullableTimestamp;
  };
}
