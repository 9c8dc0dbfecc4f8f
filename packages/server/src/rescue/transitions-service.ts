import { type Actor, authorize } from '@liaison/core';
import {
  applyRiskOverride,
  assertRescueTransition,
  assertStateMeaning,
  type Repatriation,
  type RescueState,
  type RiskAssessment,
  type RiskLevel,
} from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { recordCaseEvent } from './case-events.ts';
import { getRescueCase } from './case-view.ts';
import { lockForWrite, touch } from './case-write.ts';

export async function transitionRescueCase(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { to: RescueState; reason?: string | undefined; confirmIncomplete?: boolean | undefined },
) {
  authorize(actor, 'rescue.write');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    assertRescueTransition(row.state as RescueState, input.to, { reason: input.reason });
    const missing = assertStateMeaning(
      input.to,
      { repatriation: row.repatriation as Partial<Repatriation> },
      input,
    );
    await touch(trx, ctx, caseId, row.version, {
      state: input.to,
      state_entered_at: ctx.app.now(),
      escalated_state: null,
      escalated_at: null,
    });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'state_changed',
      from: row.state,
      to: input.to,
      reason: input.reason ?? null,
      ...(missing.length > 0 && { details: { confirmedIncomplete: true, missingSteps: missing } }),
    });
  });
  return getRescueCase({ ...ctx, purpose: ctx.purpose }, actor, caseId);
}

export async function overrideRisk(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { level: RiskLevel; reason: string },
) {
  authorize(actor, 'rescue.triage');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    const decision = applyRiskOverride(row.risk_assessment as RiskAssessment, {
      level: input.level,
      reason: input.reason,
      by: actor.userId,
      at: ctx.app.now().toISOString(),
    });
    await touch(trx, ctx, caseId, row.version, {
      risk_level: decision.level,
      risk_override: JSON.stringify(decision.override),
    });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'risk_overridden',
      reason: input.reason,
      details: { from: row.risk_level, to: decision.level },
    });
  });
}
