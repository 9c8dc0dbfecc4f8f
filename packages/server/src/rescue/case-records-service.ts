import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  type Repatriation,
  repatriationProgress,
  type ScreeningRecord,
  screen,
} from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockForWrite, touch } from './case-write.ts';

// What the case team records about the person and the case: screening, non-punishment, role, consent,
// repatriation and location. Each is one transaction with its history event and audit entry.

export async function recordScreening(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: Omit<ScreeningRecord, 'screenedAt' | 'screenedBy'>,
) {
  authorize(actor, 'rescue.write');
  return withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    const result = screen(input.answers);
    const record = { ...input, screenedAt: ctx.app.now().toISOString(), screenedBy: actor.userId, result };
    await touch(trx, ctx, caseId, row.version, { screening: JSON.stringify(record) });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'screened',
      details: { outcome: result.outcome, recommendNonPunishment: result.recommendNonPunishment },
    });
    return result;
  });
}

export async function setNonPunishment(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { flag: boolean; reason: string },
) {
  authorize(actor, 'rescue.triage');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    await touch(trx, ctx, caseId, row.version, { non_punishment: input.flag });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'non_punishment_set',
      reason: input.reason,
      details: { flag: input.flag },
    });
  });
}

/** Victim and suspect are roles that change, each change with its reason in the history. */
export async function changePersonRole(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { role: 'victim' | 'suspect' | 'witness'; reason: string },
) {
  authorize(actor, 'rescue.triage');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    if (row.person_role === input.role)
      throw new LiaisonError('conflict', `The person already has the role ${input.role}.`);
    await touch(trx, ctx, caseId, row.version, { person_role: input.role });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'role_changed',
      reason: input.reason,
      details: { from: row.person_role, to: input.role },
    });
  });
}

export async function recordConsent(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { given: boolean; basis: string },
) {
  authorize(actor, 'rescue.write');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    await touch(trx, ctx, caseId, row.version, { consent: input.given, consent_basis: input.basis });
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'consent_recorded',
      reason: input.basis,
      details: { given: input.given },
    });
  });
}

export async function updateRepatriation(ctx: Ctx, actor: Actor, caseId: string, input: Repatriation) {
  authorize(actor, 'rescue.write');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    await touch(trx, ctx, caseId, row.version, { repatriation: JSON.stringify(input) });
    const progress = repatriationProgress(input);
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'repatriation_updated',
      details: { done: progress.doneCount, next: progress.next },
    });
  });
}

export async function updateLocation(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { compoundId?: string | null | undefined; location: Record<string, unknown> },
) {
  authorize(actor, 'rescue.write');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockForWrite(trx, actor, caseId);
    let compoundProvince: string | null = null;
    if (input.compoundId) {
      const compound = await trx
        .selectFrom('compounds')
        .select(['id', 'province'])
        .where('id', '=', input.compoundId)
        .executeTakeFirst();
      if (!compound)
        throw new LiaisonError('invalid-input', 'No such compound.', {
          fields: [{ path: '/compoundId', message: 'Choose a compound from the register' }],
        });
      compoundProvince = compound.province;
    }
    // The province stays the one reported (by the family or the officer): linking a compound never rewrites
    // it. When the register places the compound elsewhere, both are kept and the history says so.
    const location = { ...(row.location as { province?: string }), ...input.location };
    await touch(trx, ctx, caseId, row.version, {
      location: JSON.stringify(location),
      ...(input.compoundId !== undefined && { compound_id: input.compoundId }),
    });
    const provinceDiffers =
      compoundProvince !== null && location.province !== undefined && location.province !== compoundProvince;
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'location_updated',
      details: {
        compoundLinked: Boolean(input.compoundId),
        ...(provinceDiffers && { reportedProvince: location.province, compoundProvince }),
      },
    });
  });
}
