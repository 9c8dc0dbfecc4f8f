import type { Actor } from '@liaison/core';
import type { OperationStatus } from '@liaison/core/operations/schemas';
import type { Db } from '../context.ts';
import { visibleOperations } from './operation-visibility.ts';

/**
 * The operations that targeted a compound, latest first, for the compound register's page
 * (`compounds/compounds-service.ts` `getCompound`): only those the reader may see by the operations' own rule
 * (none without operations.read), and of them only reference, code name, status and start — no plan, no persons.
 */
export async function operationsOfCompound(db: Db, actor: Actor, compoundId: string) {
  const rows = await visibleOperations(db, actor)
    .innerJoin('operation_targets', 'operation_targets.operation_id', 'operations.id')
    .select([
      'operations.id',
      'operations.reference',
      'operations.code_name',
      'operations.status',
      'operations.planned_start',
    ])
    .distinct()
    .where('operation_targets.compound_id', '=', compoundId)
    .orderBy('operations.planned_start', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    codeName: r.code_name,
    status: r.status as OperationStatus,
    plannedStart: r.planned_start.toISOString(),
  }));
}
