import { type Actor, can, isSystem, LiaisonError } from '@liaison/core';
import type { Ctx, Db } from '../context.ts';

/**
 * Need-to-know for rescue cases, enforced here so no route can forget it.
 * - The board (reference, state, risk, age, province) is open to anyone with `rescue.read`: no personal data.
 * - The person's details, reports, files and the rescue request open to members of the case team.
 * - Holders of `rescue.triage` (consular and liaison officers, commanders) outside the team may open a case
 *   by stating a purpose (break-glass), audited as such; without one they get `purpose-required`.
 * - Everyone else outside the team is refused (`forbidden`), and the refusal is audited.
 * Changing a case needs team membership; triage officers put people (themselves too) on a team.
 */
export type CaseAccess = { basis: 'team' } | { basis: 'break-glass'; purpose: string } | { basis: 'system' };

export async function isTeamMember(db: Db, caseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('rescue_team')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Decides how the actor may read the case's personal data, or throws (the caller audits the refusal). */
export async function readAccess(ctx: Ctx, actor: Actor, caseId: string): Promise<CaseAccess> {
  if (isSystem(actor)) return { basis: 'system' };
  if (await isTeamMember(ctx.app.db, caseId, actor.userId)) return { basis: 'team' };
  if (!can(actor, 'rescue.triage')) {
    throw new LiaisonError('forbidden', 'Only the case team may open this rescue case.');
  }
  if (!ctx.purpose) {
    throw new LiaisonError(
      'purpose-required',
      'You are not on this case team: state the purpose of this access (it is audited).',
    );
  }
  return { basis: 'break-glass', purpose: ctx.purpose };
}

/** Writes need the team (the system actor, jobs and seeding, may always write). */
export async function assertCanWrite(db: Db, actor: Actor, caseId: string): Promise<void> {
  if (isSystem(actor)) return;
  if (!(await isTeamMember(db, caseId, actor.userId))) {
    throw new LiaisonError(
      'forbidden',
      'Only the case team may change this rescue case; a triage officer can add you.',
    );
  }
}
