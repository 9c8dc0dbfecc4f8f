import type { Agency, Unit, User } from '@liaison/core';
import type { Selectable } from 'kysely';
import type { AccountTables } from './tables.ts';

type UserRow = Selectable<AccountTables['users']> & { agency_code: string };

export function presentUser(row: UserRow, pendingRoles: User['pendingRoles'] = []): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    unitId: row.unit_id,
    roles: row.roles,
    language: row.language as User['language'],
    timeZone: row.time_zone as User['timeZone'],
    disabled: row.disabled,
    totpEnrolled: row.totp_enrolled_at !== null,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    pendingRoles,
  };
}

export function presentAgency(row: Selectable<AccountTables['agencies']>): Agency {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentUnit(row: Selectable<AccountTables['units']>): Unit {
  return { id: row.id, agencyId: row.agency_id, name: row.name, createdAt: row.created_at.toISOString() };
}
