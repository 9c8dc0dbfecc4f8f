import { type Actor, LiaisonError } from '@liaison/core';
import type { FugitiveStepInput } from '@liaison/core/fugitives/schemas';
import type { Ctx, Tx } from '../../context.ts';
import { fugitiveVisibleTo } from '../fugitive-access.ts';
import { recordStep } from '../fugitives-service.ts';
import type { RemovalRows } from './removal-read.ts';

/**
 * Moves each fugitive of the removal one step in the register's life cycle, through the register's own step
 * (`recordStep`, in this transaction: its checks, its audit entry). A fugitive already in that state is left as
 * he is. A step the life cycle refuses (a fugitive still "wanted" cannot be "removal in progress") refuses the
 * whole change, naming the suspect.
 */
async function stepFugitives(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  rows: RemovalRows,
  step: Omit<FugitiveStepInput, 'documentIds'>,
): Promise<number> {
  const fugitiveIds = rows.suspects.flatMap((s) => (s.fugitive_id ? [s.fugitive_id] : []));
  if (fugitiveIds.length === 0) return 0;
  const states = await trx
    .selectFrom('fugitives')
    .select(['id', 'status', 'reference'])
    .where('id', 'in', fugitiveIds)
    .where(fugitiveVisibleTo(actor))
    .execute();
  const now = ctx.app.now();
  let moved = 0;
  for (const [i, s] of rows.suspects.entries()) {
    if (!s.fugitive_id) continue;
    const current = states.find((f) => f.id === s.fugitive_id);
    if (current?.status === step.state) continue;
    try {
      await recordStep(trx, ctx, actor, s.fugitive_id, { ...step, documentIds: [] }, now);
      moved += 1;
    } catch (error) {
      if (!(error instanceof LiaisonError) || error.status >= 500) throw error;
      const why = error.fields?.map((f) => f.message).join('; ') || error.message;
      throw new LiaisonError(
        'invalid-input',
        `Fugitive ${s.fugitive_reference ?? s.name} cannot move to "${step.state}": ${why}`,
        {
          fields: [
            {
              path: `/suspects/${i}/fugitiveId`,
              message: `${s.name} (${current?.status ?? 'unknown state'}): ${why}`,
            },
          ],
        },
      );
    }
  }
  return moved;
}

/** On confirmation: removal in progress, by the removal's route (deportation, extradition, voluntary return). */
export function moveFugitivesOnConfirm(trx: Tx, ctx: Ctx, actor: Actor, rows: RemovalRows): Promise<number> {
  return stepFugitives(trx, ctx, actor, rows, {
    state: 'removal_in_progress',
    occurredAt: ctx.app.now().toISOString(),
    note: `Removal ${rows.removal.reference} confirmed`,
    details: { removalRoute: rows.removal.kind as 'deportation' | 'extradition' | 'voluntary_return' },
  });
}

/** On hand-over: handed over to the receiving unit, when and to whom it happened. */
export function moveFugitivesOnHandover(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  rows: RemovalRows,
  at: Date,
  receivedBy: string,
): Promise<number> {
  return stepFugitives(trx, ctx, actor, rows, {
    state: 'handed_over',
    occurredAt: at.toISOString(),
    actedBy: receivedBy,
    note: `Removal ${rows.removal.reference} handed over`,
    details: { receivingUnit: rows.removal.receiving_unit.name.slice(0, 200) },
  });
}
