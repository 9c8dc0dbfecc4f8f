import type { Db } from '../context.ts';

/**
 * The country of an agency (`agencies.country`, ISO 3166-1 alpha-2): a phone number its officers write without a
 * calling code is read in it. For a peer's record the owner is the peer's agency, so its numbers are read in the
 * peer's country, as its officers wrote them.
 */
export async function agencyCountry(db: Db, agencyId: string): Promise<string | undefined> {
  const row = await db.selectFrom('agencies').select('country').where('id', '=', agencyId).executeTakeFirst();
  return row?.country.trim() || undefined;
}
