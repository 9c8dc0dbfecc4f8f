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
