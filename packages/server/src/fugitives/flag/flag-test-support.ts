import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

// Wanted persons for the flag's tests and bench, written in multi-row inserts (1,000 a statement). The register
// (fugitives/) has no bulk writer yet; this writes only the columns the register requires, as a register entry
// made through its screen would hold them.

export interface WantedSeed {
  names: {
    value: string;
    script: 'hangul' | 'latin' | 'khmer' | 'han' | 'other';
    kind: 'primary' | 'passport' | 'alias';
  }[];
  birthDate?: string | null;
  passportNumber?: string | null;
  nationality?: string;
  interpol?: { noticeType: string; reference: string; status: string } | null;
  warrant?: { number: string; court: string; charges: string[]; issuedOn: string; expiresOn: string } | null;
  updatedAt?: Date;
}

let sequence = 0;
// References are unique per database; tests on one PostgreSQL database run in several processes.
const runId = process.pid;

export async function insertWantedPersons(
  db: Kysely<Database>,
  seeds: readonly WantedSeed[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let at = 0; at < seeds.length; at += 1_000) {
    const rows = await db
      .insertInto('fugitives')
      .values(
        seeds.slice(at, at + 1_000).map((seed) => {
          sequence += 1;
          return {
            agency_code: 'KNPA',
            reference: `KNPA-F-${1900 + (runId % 100)}-${String(sequence).padStart(6, '0')}`,
            names: JSON.stringify(seed.names),
            birth_date: seed.birthDate ?? null,
            nationality: seed.nationality ?? 'KR',
            passport_number: seed.passportNumber ?? null,
            passport_display: seed.passportNumber ?? null,
            passport_status: seed.passportNumber ? 'valid' : null,
            interpol: seed.interpol ? JSON.stringify(seed.interpol) : null,
            warrant: seed.warrant ? JSON.stringify(seed.warrant) : null,
            status_changed_at: seed.updatedAt ?? new Date(),
            tlp: 'AMBER',
            handling_code: 'H1',
            created_at: seed.updatedAt ?? new Date(),
            updated_at: seed.updatedAt ?? new Date(),
          };
        }),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
