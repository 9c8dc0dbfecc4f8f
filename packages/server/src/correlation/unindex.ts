import type { Tx } from '../context.ts';

// The identifier index is correlation's: the graph's intake asks it to drop what an entity no longer carries.

/** Takes these index rows out (an entity no longer carries them). */
export async function unindexIdentifiers(trx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .deleteFrom('identifiers')
    .where('id', 'in', [...ids])
    .execute();
}

/** Takes every identifier of these entities out of the index (they correlate no more); returns how many. */
export async function unindexEntities(trx: Tx, entityIds: readonly string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const result = await trx
    .deleteFrom('identifiers')
    .where('entity_id', 'in', [...entityIds])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Identifiers indexed in the context of a case an entity left move to another case of it, or to none. */
export async function moveIdentifiersCase(
  trx: Tx,
  entityId: string,
  fromCaseId: string,
  toCaseId: string | null,
): Promise<void> {
  await trx
    .updateTable('identifiers')
    .set({ case_id: toCaseId })
    .where('entity_id', '=', entityId)
    .where('case_id', '=', fromCaseId)
    .execute();
}
