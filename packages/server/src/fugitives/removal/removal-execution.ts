import type { Actor } from '@liaison/core';
import type { BoardingInput, HandoverInput } from '@liaison/core/fugitives/removal-schemas';
import type { Ctx } from '../../context.ts';
import { moveFugitivesOnHandover } from './removal-lifecycle.ts';
import { flightLabel } from './removal-read.ts';
import { changeRemoval, refuse, requireStatus } from './removal-write.ts';

/**
 * A suspect boards: when, and the arrest warrant executed on board — by whom, when, under which number (the
 * fugitive's warrant, or the one given for an arrested person who is not in the register). Once every suspect
 * has boarded the removal is in transit.
 */
export function recordBoarding(ctx: Ctx, actor: Actor, id: string, suspectId: string, input: BoardingInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['confirmed', 'in_transit'], 'recording a boarding');
    const suspect = rows.suspects.find((s) => s.id === suspectId);
    if (!suspect)
      refuse('No such suspect in this removal.', [
        { path: '/suspectId', message: 'No such suspect in this removal', code: 'not_found' },
      ]);
    if (suspect.boarded_at)
      refuse(`${suspect.name} has already boarded.`, [
        { path: '/boardedAt', message: `${suspect.name} boarded at ${suspect.boarded_at.toISOString()}` },
      ]);
    const flight = rows.flights.find((f) => f.id === suspect.flight_id)!;
    const boardedAt = new Date(input.boardedAt);
    const problems = [];
    if (boardedAt >= flight.arrives_at)
      problems.push({
        path: '/boardedAt',
        message: `Boarding must be before flight ${flightLabel(flight)} arrives (${flight.arrives_at.toISOString()})`,
      });
    if (boardedAt > ctx.app.now())
      problems.push({ path: '/boardedAt', message: 'Boarding cannot be in the future' });
    const warrantNumber = suspect.warrant_number ?? input.warrantNumber ?? null;
    if (input.warrantNumber && suspect.warrant_number && input.warrantNumber !== suspect.warrant_number)
      problems.push({
        path: '/warrantNumber',
        message: `The suspect's warrant is ${suspect.warrant_number}: it cannot be replaced here`,
      });
    if (warrantNumber) {
      if (!input.warrantExecutedBy)
        problems.push({ path: '/warrantExecutedBy', message: 'Name the officer who executed the warrant' });
      if (!input.warrantExecutedAt)
        problems.push({ path: '/warrantExecutedAt', message: 'Give when the warrant was executed' });
      else if (new Date(input.warrantExecutedAt) < boardedAt)
        problems.push({
          path: '/warrantExecutedAt',
          message: 'The warrant is executed on boarding: not before the suspect boarded',
        });
      else if (new Date(input.warrantExecutedAt) > flight.arrives_at)
        problems.push({
          path: '/warrantExecutedAt',
          message: 'The warrant is executed before the flight arrives',
        });
    } else if (input.warrantExecutedBy || input.warrantExecutedAt)
      problems.push({ path: '/warrantNumber', message: 'Give the number of the warrant executed' });
    if (problems.length) refuse('The boarding cannot be recorded.', problems);
    await trx
      .updateTable('removal_suspects')
      .set({
        boarded_at: boardedAt,
        warrant_number: warrantNumber,
        warrant_executed_by: input.warrantExecutedBy ?? null,
        warrant_executed_at: input.warrantExecutedAt ?? null,
      })
      .where('id', '=', suspectId)
      .execute();
    const allAboard = rows.suspects.every((s) => s.id === suspectId || s.boarded_at !== null);
    if (allAboard)
      await trx.updateTable('removals').set({ status: 'in_transit' }).where('id', '=', id).execute();
    return {
      action: 'removal.boarded',
      details: {
        suspectId,
        fugitiveId: suspect.fugitive_id,
        flight: flightLabel(flight),
        warrantNumber,
        warrantExecutedBy: input.warrantExecutedBy ?? null,
        allAboard,
      },
    };
  });
}

/**
 * The receiving unit took the suspects over: the removal ends, its suspects are free to be in another one, and
 * each fugitive's life cycle moves to "handed over" (with the receiving unit) in the same transaction.
 */
export function recordHandover(ctx: Ctx, actor: Actor, id: string, input: HandoverInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['in_transit'], 'recording the hand-over');
    const at = new Date(input.at);
    const lastBoarding = Math.max(...rows.suspects.map((s) => s.boarded_at?.getTime() ?? 0));
    const firstArrival = Math.min(...rows.flights.map((f) => f.arrives_at.getTime()));
    if (at.getTime() < lastBoarding || at.getTime() < firstArrival)
      refuse('The hand-over cannot be before the flight arrives.', [
        { path: '/at', message: 'The hand-over is after the suspects boarded and their flight arrived' },
      ]);
    if (at > ctx.app.now())
      refuse('The hand-over cannot be in the future.', [
        { path: '/at', message: 'The hand-over cannot be in the future' },
      ]);
    await trx
      .updateTable('removals')
      .set({ status: 'handed_over', handed_over_at: at, received_by: input.receivedBy })
      .where('id', '=', id)
      .execute();
    await trx.updateTable('removal_suspects').set({ open: false }).where('removal_id', '=', id).execute();
    const moved = await moveFugitivesOnHandover(trx, ctx, actor, rows, at, input.receivedBy);
    return {
      action: 'removal.handed_over',
      details: {
        at: input.at,
        receivedBy: input.receivedBy,
        unit: rows.removal.receiving_unit.name,
        fugitivesMoved: moved,
      },
    };
  });
}
