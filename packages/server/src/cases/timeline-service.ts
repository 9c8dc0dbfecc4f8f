import { type Actor, authorize, LiaisonError } from '@liaison/core';
import { sortTimeline, type TimelineEvent, type TimelineEventInput } from '@liaison/core/cases/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { auditCase, findVisibleCase, lockVisibleCase, touchCase } from './case-repository.ts';
import { presentTimelineEvent } from './presenters.ts';

export async function addTimelineEvent(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: TimelineEventInput,
): Promise<TimelineEvent> {
  authorize(actor, 'cases.write');
  const now = ctx.app.now();
  const row = await withAudit(ctx.app.db, async (trx) => {
    await lockVisibleCase(trx, actor, caseId);
    const event = await trx
      .insertInto('case_timeline_events')
      .values({
        case_id: caseId,
        occurred_at: new Date(input.occurredAt),
        occurred_at_local: input.occurredAt,
        kind: input.kind,
        text: input.text,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await touchCase(trx, caseId, now);
    await auditCase(trx, ctx, actor, 'case.timeline_added', caseId, {
      eventId: event.id,
      kind: input.kind,
      occurredAt: input.occurredAt,
    });
    return event;
  });
  return presentTimelineEvent(row);
}

export async function listTimeline(ctx: Ctx, actor: Actor, caseId: string): Promise<TimelineEvent[]> {
  authorize(actor, 'cases.read');
  if (!(await findVisibleCase(ctx.app.db, actor, caseId)))
    throw new LiaisonError('not-found', 'No such case.');
  const rows = await ctx.app.db
    .selectFrom('case_timeline_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('occurred_at')
    .limit(5000)
    .execute();
  return sortTimeline(rows.map(presentTimelineEvent));
}
