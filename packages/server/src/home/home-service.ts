import { type Actor, can } from '@liaison/core';
import type { HomeSummary } from '@liaison/core/home/home-summary';
import { sql } from 'kysely';
import { caseVisibleTo } from '../cases/case-visibility.ts';
import type { Ctx } from '../context.ts';
import { listHits } from '../correlation/hit-service.ts';
import { listItems } from '../exchange/exchange-service.ts';
import { rescueBoard } from '../rescue/board-service.ts';

/**
 * "What needs me now": one call for the home page, built from each feature's own services so every
 * permission and visibility rule applies. A section the user may not see is absent, not empty.
 */
export async function homeSummary(ctx: Ctx, actor: Actor): Promise<HomeSummary> {
  const today = ctx.app.now().toISOString().slice(0, 10);
  const [tasks, hits, messages, rescue] = await Promise.all([
    can(actor, 'cases.read') ? myOpenTasks(ctx, actor) : null,
    can(actor, 'entities.read') ? listHits(ctx, actor, { limit: 10 }) : null,
    can(actor, 'exchange.read') ? listItems(ctx, actor, { direction: 'in', limit: 200 }) : null,
    can(actor, 'rescue.read') ? rescueBoard(ctx, actor) : null,
  ]);
  const unread = messages?.filter((m) => m.readAt === null) ?? null;
  const overdue = [
    ...(tasks ?? [])
      .filter((t) => t.dueDate !== null && t.dueDate < today)
      .map((t) => ({
        kind: 'task' as const,
        id: t.id,
        caseId: t.caseId,
        label: `${t.caseNumber}: ${t.title}`,
        due: t.dueDate,
      })),
    ...(messages ?? [])
      .filter((m) => m.overdue)
      .map((m) => ({
        kind: 'request' as const,
        id: m.id,
        caseId: null,
        label: `${m.peerAgency}: ${m.subject}`,
        due: m.deadline,
      })),
    // Rescue cases: reference and state only; the person never appears outside the case page.
    ...(rescue ?? [])
      .filter((r) => r.clock?.overdue)
      .map((r) => ({
        kind: 'rescue' as const,
        id: r.id,
        caseId: null,
        label: `${r.reference} (${r.state})`,
        due: r.clock?.dueAt ?? null,
      })),
  ];
  return {
    tasks,
    overdue,
    hits,
    messages: unread?.slice(0, 10) ?? null,
    unreadMessages: unread?.length ?? null,
    rescue: rescue
      ? {
          open: rescue.length,
          byRisk: Object.fromEntries(
            ['critical', 'high', 'medium', 'low'].map((level) => [
              level,
              rescue.filter((r) => r.riskLevel === level).length,
            ]),
          ),
          cases: rescue.slice(0, 10).map((r) => ({
            id: r.id,
            reference: r.reference,
            state: r.state,
            riskLevel: r.riskLevel,
            reportedAt: r.reportedAt,
            overdue: Boolean(r.clock?.overdue),
          })),
        }
      : null,
  };
}

async function myOpenTasks(ctx: Ctx, actor: Actor) {
  const rows = await ctx.app.db
    .selectFrom('case_tasks')
    .innerJoin('cases', 'cases.id', 'case_tasks.case_id')
    .where(caseVisibleTo(actor))
    .where('case_tasks.assignee_id', '=', actor.userId)
    .where('case_tasks.status', 'in', ['todo', 'in_progress'])
    .select(['case_tasks.id', 'case_tasks.title', 'case_tasks.status', 'cases.id as case_id', 'cases.number'])
    // A calendar date, not an instant: read it as text so no time zone shifts it.
    .select(sql<string | null>`case_tasks.due_date::text`.as('due_date'))
    .orderBy(sql`case_tasks.due_date asc nulls last`)
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    dueDate: r.due_date,
    status: r.status,
    caseId: r.case_id,
    caseNumber: r.number,
  }));
}
