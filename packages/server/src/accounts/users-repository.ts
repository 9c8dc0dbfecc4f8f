import type { Db } from '../context.ts';

export function selectUsers(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .selectAll('users')
    .select('agencies.code as agency_code');
}

export function findUserByEmail(db: Db, email: string) {
  return selectUsers(db).where('users.email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return selectUsers(db).where('users.id', '=', id).executeTakeFirst();
}

/** Display names of users by id (what another feature shows of who did something); unknown ids are left out. */
export async function displayNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
