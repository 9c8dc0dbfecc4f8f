import type { RescueState, RiskLevel } from '@liaison/core/rescue/index';
import { stageClock } from '@liaison/core/rescue/index';
import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Job } from '../jobs/job.ts';

export interface EscalationRun {
  escalated: { caseId: string; reference: string; state: string; overdueByMinutes: number }[];
}

/**
 * Flags each case whose current stage is past its target, once per stage, and tells the on-duty commanders
 * (holders of `rescue.escalations`) live. The notification carries the reference, state and risk only.
 */
export async function runRescueEscalations(app: AppContext): Promise<EscalationRun> {
  const now = app.now();
  const open = await app.db
    .selectFrom('rescue_cases')
    .select(['id', 'reference', 'state', 'state_entered_at', 'risk_level', 'escalated_state'])
    .where('merged_into', 'is', null)
    .where('state', 'not in', ['repatriated', 'closed', 'resolved_safe', 'not_found', 'declined_help'])
    .execute();
  const escalated: EscalationRun['escalated'] = [];
  for (const c of open) {
    if (c.escalated_state === c.state) continue;
    const clock = stageClock(c.state as RescueState, c.state_entered_at, c.risk_level as RiskLevel, now);
    if (!clock?.escalate) continue;
    const overdueByMinutes = Math.round(clock.overdueByMs / 60_000);
    const flagged = await withAudit(app.db, async (trx) => {
      const updated = await trx
        .updateTable('rescue_cases')
        .set({ escalated_state: c.state, escalated_at: now })
        .where('id', '=', c.id)
        .where('state', '=', c.state)
        .where((eb) => eb.or([eb('escalated_state', 'is', null), eb('escalated_state', '!=', c.state)]))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('rescue_events')
        .values({
          case_id: c.id,
          at: now,
          actor_id: null,
          kind: 'escalated',
          from_state: c.state,
          details: JSON.stringify({ overdueByMinutes, dueAt: clock.dueAt }),
        })
        .execute();
      await audit(
        { app, ip: null, trx },
        { actorId: null, actorAgency: null },
        'rescue_case.escalated',
        { type: 'rescue_case', id: c.id },
        { state: c.state, overdueByMinutes },
      );
      return true;
    });
    if (!flagged) continue;
    escalated.push({ caseId: c.id, reference: c.reference, state: c.state, overdueByMinutes });
    await app.events.publish({
      type: 'rescue.overdue',
      audience: { permission: 'rescue.escalations' },
      payload: {
        caseId: c.id,
        reference: c.reference,
        state: c.state,
        riskLevel: c.risk_level,
        overdueByMinutes,
        text: `Rescue case ${c.reference} is overdue in ${c.state}`,
      },
    });
  }
  return { escalated };
}

/** The escalation check, every minute from the node's start (rescue/manifest.ts). */
export const rescueEscalationsJob: Job = {
  name: 'rescue.escalations',
  phase: 'node',
  everyMs: () => 60_000,
  run: async (app) => {
    await runRescueEscalations(app);
  },
};
