import { type EntityType, entityIdentifiers, isEntityType } from '@liaison/core/graph/index';
import { type IdentifierKind, identifierKinds, normaliseIdentifier } from '@liaison/core/identifiers/index';
import { type Kysely, sql } from 'kysely';
import { contextOf } from '../graph/entities/entity-index.ts';

/** What a stored identifier row holds besides its place: the key and how it is shown and flagged. */
export interface StoredKey {
  id: string;
  value: string;
  display: string;
  valid: boolean;
  problem: string | null;
  details: Record<string, string> | null;
}

interface StoredRow extends StoredKey {
  kind: string;
  raw: string;
  property: string;
  type: string;
  properties: Record<string, unknown>;
  country: string;
}

const PAGE = 1_000;

/** jsonb keeps its own key order: details are compared by their entries. */
const detailsText = (details: Record<string, string> | null) =>
  JSON.stringify(details ? Object.entries(details).sort(([a], [b]) => a.localeCompare(b)) : null);

function same(a: StoredKey, b: StoredKey): boolean {
  return (
    a.value === b.value &&
    a.display === b.display &&
    a.valid === b.valid &&
    a.problem === b.problem &&
    detailsText(a.details) === detailsText(b.details)
  );
}

/** The row as the normalisers read it today, with its qualifier and its owner agency's country. */
function reread(row: StoredRow): StoredKey | undefined {
  if (!(identifierKinds as readonly string[]).includes(row.kind) || !isEntityType(row.type)) return undefined;
  const kind = row.kind as IdentifierKind;
  const written = entityIdentifiers(row.type as EntityType, row.properties).find(
    (found) => found.property === row.property && found.value === row.raw,
  );
  const context = contextOf(kind, written?.qualifier, { defaultCountry: row.country.trim() || undefined });
  const next = normaliseIdentifier(kind, row.raw, context);
  return {
    id: row.id,
    value: next.value,
    display: next.display,
    valid: next.valid,
    problem: next.problem ?? null,
    details: next.details ?? null,
  };
}

async function writeKeys(db: Kysely<unknown>, keys: readonly StoredKey[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`
    update identifiers set value = u.value, display = u.display, valid = u.valid, problem = u.problem,
      details = u.details::jsonb
    from unnest(${keys.map((k) => k.id)}::uuid[], ${keys.map((k) => k.value)}::text[],
      ${keys.map((k) => k.display)}::text[], ${keys.map((k) => k.valid)}::boolean[],
      ${keys.map((k) => k.problem)}::text[],
      ${keys.map((k) => (k.details ? JSON.stringify(k.details) : null))}::text[])
      as u(id, value, display, valid, problem, details)
    where identifiers.id = u.id
  `.execute(db);
}

/**
 * Reads every stored identifier again with today's normalisers (its raw text, the qualifier its entity carries,
 * the owner agency's country) and writes the new key where it differs. Returns the rows as they were before, so
 * a migration can keep them for its `down`. Runs in the caller's transaction. No hits are raised: two stored
 * records that only now share a key are found together by the identifier check and search, and a new record
 * with that key raises a hit against each.
 */
export async function rekeyStoredIdentifiers(db: Kysely<unknown>): Promise<StoredKey[]> {
  const before: StoredKey[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await sql<StoredRow>`
      select i.id, i.kind, i.raw, i.value, i.display, i.valid, i.problem, i.details, i.property,
        e.type, e.properties, a.country
      from identifiers i
      join entities e on e.id = i.entity_id
      join agencies a on a.id = e.owner_agency_id
      where i.id > ${after}::uuid
      order by i.id
      limit ${PAGE}
    `.execute(db);
    const changed: StoredKey[] = [];
    for (const row of page.rows) {
      const next = reread(row);
      if (!next || same(row, next)) continue;
      before.push({
        id: row.id,
        value: row.value,
        display: row.display,
        valid: row.valid,
        problem: row.problem,
        details: row.details,
      });
      changed.push(next);
    }
    await writeKeys(db, changed);
    if (page.rows.length < PAGE) return before;
    after = page.rows.at(-1)?.id ?? after;
  }
}
