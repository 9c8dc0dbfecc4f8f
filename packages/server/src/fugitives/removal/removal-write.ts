import { type Actor, authorize, type FieldProblemInput, LiaisonError } from '@liaison/core';
import type { RemovalStatus, RemovalView } from '@liaison/core/fugitives/removal-schemas';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Tx } from '../../context.ts';
import { loadRemoval, presentRemoval, type RemovalRows } from './removal-read.ts';

/** What a change to a removal did, for its audit entry. */
export interface RemovalChange {
  action: string;
  details: Record<string, unknown>;
}

/**
 * One audited change to a removal: the removal is read under a row lock (concurrent edits of one plan queue up),
 * `change` writes its rows and says what it did, the version goes up, and the removal is answered as it now is.
 * Nothing is written when `change` throws.
 */
export async function changeRemoval(
  ctx: Ctx,
  actor: Actor,
  id: string,
  change: (trx: Tx, rows: RemovalRows) => Promise<RemovalChange>,
): Promise<RemovalView> {
  authorize(actor, 'fugitives.write');
  return withAudit(ctx.app.db, async (trx) => {
    const rows = await loadRemoval(trx, actor, id, { forUpdate: true });
    const done = await change(trx, rows);
    await trx
      .updateTable('removals')
      .set((eb) => ({ updated_at: ctx.app.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await audit(
      { ...ctx, trx },
      actor,
      done.action,
      { type: 'removal', id },
      {
        reference: rows.removal.reference,
        ...done.details,
      },
    );
    return presentRemoval(await loadRemoval(trx, actor, id));
  });
}

const statusWords: Record<RemovalStatus, string> = {
  planning: 'being planned',
  confirmed: 'confirmed',
  in_transit: 'in transit',
  handed_over: 'handed over',
};

/** Refuses a change the removal's status does not allow (409), saying what it is now. */
export function requireStatus(rows: RemovalRows, allowed: readonly RemovalStatus[], doing: string): void {
  const status = rows.removal.status as RemovalStatus;
  if (!allowed.includes(status))
    throw new LiaisonError(
      'invalid-transition',
      `Removal ${rows.removal.reference} is ${statusWords[status]}: ${doing} is not possible now.`,
      { extra: { status } },
    );
}

/** A 400 naming the fields. */
export function refuse(detail: string, fields: FieldProblemInput[]): never {
  throw new LiaisonError('invalid-input', detail, { fields });
}

/**
 * Runs an insert guarded by one of the removal tables' unique indexes (a suspect in one open removal, an officer
 * escorting once): a concurrent plan that got there first is answered as a conflict naming `path`, not a 500.
 */
export async function uniquely<T>(path: string, message: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new LiaisonError('conflict', message, { fields: [{ path, message, code: 'already_in_use' }] });
    throw error;
  }
}
