import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import { loggable, logTimeProblem } from '@liaison/core/operations/rules';
import type { LogEntry, LogEntryInput, OperationStatus } from '@liaison/core/operations/schemas';
import { displayNamesOf } from '../accounts/users-repository.ts';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Tx } from '../context.ts';
import { publishAll } from '../correlation/correlate.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import { logEvent } from './operation-events.ts';
import { recordArrest, recordRescue, recordSeizure } from './operation-outcome.ts';
import { announceOperation, lockOperation } from './operations-service.ts';
import { presentLogEntry } from './presenters.ts';

// The execution log, typed on phones on the ground: one entry per call, in order (a sequence per operation),
// with its arrest, rescue or seizure written in the same transaction, then pushed live to the watchers.

async function presentOne(trx: Tx, entryId: string): Promise<LogEntry> {
  const row = await trx
    .selectFrom('operation_log')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  const link = async (table: 'operation_arrests' | 'operation_rescues' | 'operation_seizures') =>
    new Map(
      (
        await trx
          .selectFrom(table)
          .select(['id', 'log_entry_id'])
          .where('log_entry_id', '=', entryId)
          .execute()
      ).map((r) => [r.log_entry_id!, r.id]),
    );
  const names = await displayNamesOf(trx, row.author_id ? [row.author_id] : []);
  return presentLogEntry(row, names, {
    arrests: await link('operation_arrests'),
    rescues: await link('operation_rescues'),
    seizures: await link('operation_seizures'),
  });
}

/**
 * Records one log entry. The first one starts the operation (`under_way`). A retried send with the same
 * `clientId` answers the entry already recorded and writes nothing. Refused before the GO, after completion,
 * dated in the future or before the GO.
 */
export async function addLogEntry(
  ctx: Ctx,
  actor: Actor,
  operationId: string,
  input: LogEntryInput,
): Promise<{ entry: LogEntry; created: boolean }> {
  authorize(actor, 'operations.log');
  const now = ctx.app.now();
  const events: LiveEvent[] = [];
  const result = await withAudit(ctx.app.db, async (trx) => {
    const op = await lockOperation(trx, actor, operationId);
    if (input.clientId) {
      const earlier = await trx
        .selectFrom('operation_log')
        .select('id')
        .where('operation_id', '=', operationId)
        .where('client_id', '=', input.clientId)
        .executeTakeFirst();
      if (earlier) return { entry: await presentOne(trx, earlier.id), created: false };
    }
    const status = op.status as OperationStatus;
    if (!loggable(status))
      throw new LiaisonError(
        'invalid-transition',
        status === 'completed'
          ? 'This operation is completed: its log is closed.'
          : 'The log opens once the commander has given the GO.',
      );
    const at = input.at ? new Date(input.at) : now;
    const goAt = await trx
      .selectFrom('operation_decisions')
      .select('decided_at')
      .where('operation_id', '=', operationId)
      .where('decision', '=', 'go')
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const timeProblem = logTimeProblem(at, now, goAt?.decided_at ?? null);
    if (timeProblem)
      throw new LiaisonError('invalid-input', `${timeProblem.message}.`, { fields: [timeProblem] });
    const last = await trx
      .selectFrom('operation_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('operation_id', '=', operationId)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const row = await trx
      .insertInto('operation_log')
      .values({
        operation_id: operationId,
        seq,
        client_id: input.clientId ?? null,
        kind: input.kind,
        at,
        recorded_at: now,
        author_id: actingUserId(actor),
        author_agency: actor.agencyCode,
        text: input.text,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.arrest)
      events.push(...(await recordArrest(ctx, trx, actor, op, row.id, at, input.arrest)).events);
    if (input.rescue)
      events.push(...(await recordRescue(ctx, trx, actor, op, row.id, at, input.rescue)).events);
    if (input.seizure) await recordSeizure(ctx, trx, actor, op, row.id, at, input.seizure);
    if (status === 'go')
      await trx
        .updateTable('operations')
        .set({
          status: 'under_way',
          status_changed_at: now,
          started_at: at,
          updated_at: now,
          version: op.version + 1,
        })
        .where('id', '=', operationId)
        .execute();
    else await trx.updateTable('operations').set({ updated_at: now }).where('id', '=', operationId).execute();
    await audit(
      { ...ctx, trx },
      actor,
      'operation.logged',
      { type: 'operation', id: operationId },
      { seq, kind: input.kind, ...(status === 'go' && { from: 'go', to: 'under_way' }) },
    );
    // The status travels; a log line does not (the log stays on the node that keeps it).
    if (status === 'go') await announceOperation(trx, ctx, operationId);
    const entry = await presentOne(trx, row.id);
    events.push(logEvent(op, entry));
    return { entry, created: true };
  });
  await publishAll(ctx, events);
  return result;
}
