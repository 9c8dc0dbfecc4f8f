import type { Actor } from '@liaison/core';
import type { Database } from '@liaison/server/db/tables';
import type { Kysely } from 'kysely';

/** The demo analyst (seeded by `seedDemoAccounts`) as a signed-in user: the actor the graph and matching suites act as. */
export async function demoAnalyst(db: Kysely<Database>): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.agency_id',
      'agencies.code',
      'users.roles',
      'users.email',
      'users.display_name',
    ])
    .where('users.email', '=', 'analyst@knpa.demo')
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.code,
    unitId: null,
    roles: user.roles as Actor['roles'],
    email: user.email,
    displayName: user.display_name,
    via: 'session',
  };
}
