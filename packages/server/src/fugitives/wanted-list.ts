import type { FugitiveName, WantedPerson } from '@liaison/core/fugitives/schemas';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * The open (not closed) fugitives as the fugitive flag matches against: names in every script with aliases,
 * birth date, normalised passport number and nationality. A named internal read for the node's own matching
 * (no principal): whoever is alerted, and what they see, is decided by the flag and the register's need-to-know.
 */
export async function wantedForMatching(db: Kysely<Database>): Promise<WantedPerson[]> {
  const rows = await db
    .selectFrom('fugitives')
    .select([
      'id',
      'reference',
      'agency_code',
      'names',
      sql<string | null>`birth_date::text`.as('birth_date'),
      'passport_number',
      'nationality',
      'status',
    ])
    .where('status', '<>', 'closed')
    .orderBy('reference')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    agencyCode: row.agency_code,
    names: row.names as FugitiveName[],
    birthDate: row.birth_date,
    passportNumber: row.passport_number,
    nationality: row.nationality,
    status: row.status as WantedPerson['status'],
  }));
}
