import { sql } from 'kysely';
import type { Db } from '../context.ts';

/**
 * The number people use for a record, per record type that has one: an auditor reads "KNPA-2026-0012", not a
 * UUID. Read-only lookups of the owning features' reference columns (the audit log names records by type and id
 * only, and a record's number never changes once given).
 */
const labelColumns: Readonly<Record<string, { table: string; column: string }>> = {
  case: { table: 'cases', column: 'number' },
  rescue_case: { table: 'rescue_cases', column: 'reference' },
  operation: { table: 'operations', column: 'reference' },
  fugitive: { table: 'fugitives', column: 'reference' },
  user: { table: 'users', column: 'email' },
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `type:id` → label, for the entries' records that have a number; one query per record type present. */
export async function recordLabels(
  db: Db,
  records: readonly { recordType: string; recordId: string | null }[],
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const { recordType, recordId } of records) {
    if (!recordId || !labelColumns[recordType] || !uuidPattern.test(recordId)) continue;
    const ids = idsByType.get(recordType) ?? new Set<string>();
    ids.add(recordId);
    idsByType.set(recordType, ids);
  }
  const labels = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    const { table, column } = labelColumns[type]!;
    const rows = await sql<{ id: string; label: string }>`
      select id::text as id, ${sql.ref(column)} as label from ${sql.table(table)}
      where id = any(${[...ids]}::uuid[])
    `.execute(db);
    for (const row of rows.rows) labels.set(`${type}:${row.id}`, row.label);
  }
  return labels;
}
