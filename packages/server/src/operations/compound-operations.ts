import type { Db } from '../context.ts';

/**
 * The operations that targeted a compound, latest first (id, reference, code name, status, start): for the
 * compound register's page (`compounds/compounds-service.ts` `getCompound`, whose `operations` list waits for it).
 * Only the fields a register reader may see of any operation: no plan, no persons.
 */
export async function operationsOfCompound(db: Db, compoundId: string) {
  const rows = await db
    .selectFrom('operation_targets')
    .innerJoin('operations', 'operations.id', 'operation_targets.operation_id')
    .select([
      'operations.id',
      'operations.reference',
      'operations.code_name',
      'operations.status',
      'operations.planned_start',
    ])
    .where('operation_targets.compound_id', '=', compoundId)
    .where('operations.tlp', '<>', 'RED')
    .orderBy('operations.planned_start', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    codeName: r.code_name,
    status: r.status,
    plannedStart: r.planned_start.toISOString(),
  }));
}
