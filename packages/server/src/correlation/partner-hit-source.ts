import { nameKeys } from '@liaison/core/persons/index';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { personNamesOf } from '../graph/entities/entity-index.ts';

/**
 * What a partner's hit/no-hit query finds in this node's graph (the answer is only hit or no hit, never what
 * matched). An identifier: any live entity carrying it, unless marked as not correlating (a bank's
 * call-centre number would otherwise answer "hit" to everyone). A name and birth date: a live person born that
 * day one of whose names, in any script, shares a name key with the asked name (romanisation variants
 * included: "Lee Youngsoo" finds 이영수).
 */
export async function graphHolds(
  app: AppContext,
  identifier: { kind: string; value: string },
): Promise<boolean> {
  if (identifier.kind === 'name_birth_date') return personBornWithName(app, identifier.value);
  const row = await app.db
    .selectFrom('identifiers')
    .innerJoin('entities', 'entities.id', 'identifiers.entity_id')
    .select('identifiers.id')
    .where('identifiers.kind', '=', identifier.kind)
    .where('identifiers.value', '=', identifier.value)
    .where('identifiers.valid', '=', true)
    .where('entities.deleted_at', 'is', null)
    .where(
      sql<boolean>`not exists (select 1 from non_correlating_identifiers n where n.kind = identifiers.kind and n.value = identifiers.value)`,
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function personBornWithName(app: AppContext, value: string): Promise<boolean> {
  const cut = value.lastIndexOf('|');
  if (cut <= 0) return false;
  const asked = nameKeys(value.slice(0, cut));
  const birthDate = value.slice(cut + 1);
  if (asked.size === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return false;
  // The partial index entities_person_birth_date_idx serves this: a handful of persons share a birth date.
  const born = await app.db
    .selectFrom('entities')
    .select('properties')
    .where('type', '=', 'person')
    .where('deleted_at', 'is', null)
    .where(sql`properties->>'birthDate'`, '=', birthDate)
    .limit(1_000)
    .execute();
  return born.some((person) =>
    personNamesOf(person.properties).some((name) => [...nameKeys(name)].some((key) => asked.has(key))),
  );
}

// Registered once, when the correlation feature is loaded (correlation-routes.ts imports this module).
