import { wantedFlagKeys } from '@liaison/core/fugitives/flag-keys';
import type { WantedPerson } from '@liaison/core/fugitives/flag-match';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../context.ts';
import type { Database } from '../../db/tables.ts';

// The index of the wanted persons' match keys (fugitive_flag_keys). The register writes fugitives; the flag keeps
// its keys in step by itself, so the register needs to know nothing of it: every write path that may flag first
// indexes the fugitives changed since the newest one indexed (a few rows, found by fugitives' updated_at index),
// and a bulk load is indexed at once with `rebuildWantedIndex`.

interface FugitiveRow {
  id: string;
  version: number;
  updated_at: Date;
  status: string;
  names: unknown;
  birth_date: string | null;
  passport_number: string | null;
  nationality: string | null;
}

// How far back to look behind the newest fugitive indexed: a register write that committed later than one
// indexed after it (transactions commit out of order) is still found. Anything older still missed is caught
// by the catch-up job (manifest: every minute and at start).
const SLACK = '30 seconds';
const BATCH = 2_000;

export function wantedOf(row: Omit<FugitiveRow, 'version' | 'updated_at' | 'status'>): WantedPerson {
  return {
    id: row.id,
    names: ((row.names as { value: string; kind: WantedPerson['names'][number]['kind'] }[]) ?? []).map(
      (n) => ({
        value: n.value,
        kind: n.kind,
      }),
    ),
    birthDate: row.birth_date,
    passportNumber: row.passport_number,
    nationality: row.nationality,
  };
}

const fugitiveColumns = [
  'f.id',
  'f.version',
  'f.updated_at',
  'f.status',
  'f.names',
  sql<string | null>`f.birth_date::text`.as('birth_date'),
  'f.passport_number',
  'f.nationality',
] as const;

/** The fugitives not indexed at their current version (an anti-join: for a pass over all of them). */
function unindexed(db: Db) {
  return db
    .selectFrom('fugitives as f')
    .select(fugitiveColumns)
    .where(
      sql<boolean>`not exists (select 1 from fugitive_flag_indexed i where i.fugitive_id = f.id and i.version = f.version)`,
    );
}

async function indexRows(db: Db, rows: readonly FugitiveRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await db.deleteFrom('fugitive_flag_keys').where('fugitive_id', 'in', ids).execute();
  const keys: string[] = [];
  const owners: string[] = [];
  for (const row of rows) {
    if (row.status === 'closed') continue; // a closed fugitive is no longer wanted: no keys, no flags
    for (const key of wantedFlagKeys(wantedOf(row))) {
      keys.push(key);
      owners.push(row.id);
    }
  }
  if (keys.length > 0)
    await sql`
      insert into fugitive_flag_keys (key, fugitive_id)
      select * from unnest(${keys}::text[], ${owners}::uuid[])
      on conflict do nothing
    `.execute(db);
  await sql`
    insert into fugitive_flag_indexed (fugitive_id, version, updated_at)
    select * from unnest(${ids}::uuid[], ${rows.map((r) => r.version)}::int[], ${rows.map((r) => r.updated_at.toISOString())}::timestamptz[])
    on conflict (fugitive_id) do update set version = excluded.version, updated_at = excluded.updated_at
  `.execute(db);
}

/**
 * Indexes, in the caller's transaction, the fugitives changed since the newest indexed (less `slack`); usually
 * none, found through fugitives' updated_at index.
 */
export async function syncWantedIndex(db: Db, slack = SLACK): Promise<void> {
  // A scalar subquery, not NOT EXISTS: the planner would hash the whole indexed table for an anti-join, where
  // the few recent fugitives each need one primary-key probe.
  const rows = await db
    .selectFrom('fugitives as f')
    .select(fugitiveColumns)
    .where(
      sql<boolean>`f.updated_at >= coalesce((select max(updated_at) from fugitive_flag_indexed), '-infinity'::timestamptz) - ${slack}::interval`,
    )
    .where(
      sql<boolean>`(select i.version from fugitive_flag_indexed i where i.fugitive_id = f.id) is distinct from f.version`,
    )
    .limit(BATCH)
    .execute();
  await indexRows(db, rows);
}

/** Indexes every fugitive not indexed at its current version, in batches (a bulk load, the start-up catch-up). */
export async function rebuildWantedIndex(db: Kysely<Database>): Promise<number> {
  let total = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Walked in id order, so each batch starts where the last ended (never re-reading what is indexed).
    const rows = await unindexed(db).where('f.id', '>', after).orderBy('f.id').limit(BATCH).execute();
    if (rows.length === 0) return total;
    await db.transaction().execute((trx) => indexRows(trx, rows));
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

/** The fugitives sharing a key with `keys`, at most `limit` (the write path's one lookup). */
export async function candidatesByKeys(
  db: Db,
  keys: readonly string[],
  limit = 200,
): Promise<WantedPerson[]> {
  if (keys.length === 0) return [];
  // The keys first (primary-key range probes), then each fugitive by its primary key.
  const found = await sql<{
    id: string;
    names: unknown;
    birth_date: string | null;
    passport_number: string | null;
    nationality: string | null;
  }>`
    select f.id, f.names, f.birth_date::text as birth_date, f.passport_number, f.nationality
    from (select distinct fugitive_id from fugitive_flag_keys where key = any(${[...keys]}::text[]) limit ${limit}) k
    join fugitives f on f.id = k.fugitive_id
    where f.status <> 'closed'
  `.execute(db);
  const rows = found.rows;
  return rows.map(wantedOf);
}
