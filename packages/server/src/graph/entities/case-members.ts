import { type Actor, authorize, LiaisonError } from '@liaison/core';
import { applyRoleChange, type PersonRole } from '@liaison/core/cases/person-role';
import { sql } from 'kysely';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Tx } from '../../context.ts';
import { announceMembers, announcePersonsAppeared } from '../intake/announce.ts';
import { raiseToCaseTlp } from './case-markings.ts';
import { selectEntities } from './entity-queries.ts';
import { assertCaseVisible } from './entity-reads.ts';
import type { StoredRoleChange } from './tables.ts';
import { entityVisible } from './visibility.ts';

// Entities in cases: placing one (with a person's role), changing a person's role.

export async function placeInCase(
  trx: Tx,
  actor: Actor,
  caseId: string,
  entityId: string,
  role: PersonRole | undefined,
  reason: string | undefined,
  now: Date,
) {
  let history: StoredRoleChange[] = [];
  if (role) {
    history = applyRoleChange(
      { role: null, history: [] },
      {
        role,
        reason: reason || 'Entered with the case',
        changedBy: actor.userId,
        changedAt: now.toISOString(),
      },
    ).history;
  }
  await trx
    .insertInto('case_entities')
    .values({
      case_id: caseId,
      entity_id: entityId,
      role: role ?? null,
      role_history: JSON.stringify(history),
      added_by: actor.userId,
    })
    .execute();
}

/** Adds an existing entity to a case (both must be visible). */
export async function addEntityToCase(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  input: { entityId: string; role?: PersonRole | undefined; reason?: string | undefined },
) {
  authorize(actor, 'entities.write');
  return withAudit(ctx.app.db, async (trx) => {
    await assertCaseVisible(trx, actor, caseId, '/caseId');
    const entity = await selectEntities(trx)
      .where('entities.id', '=', input.entityId)
      .where(entityVisible(actor))
      .executeTakeFirst();
    if (!entity)
      throw new LiaisonError('not-found', `No entity ${input.entityId} that you may see.`, {
        fields: [{ path: '/entityId', message: 'No such entity', code: 'not_found' }],
      });
    if (input.role && entity.type !== 'person')
      throw new LiaisonError('invalid-input', 'Only a person has a role in a case', {
        fields: [{ path: '/role', message: 'Only for persons' }],
      });
    const existing = await trx
      .selectFrom('case_entities')
      .select('entity_id')
      .where('case_id', '=', caseId)
      .where('entity_id', '=', input.entityId)
      .executeTakeFirst();
    if (existing) throw new LiaisonError('conflict', 'The entity is already in this case.');
    await placeInCase(trx, actor, caseId, input.entityId, input.role, input.reason, ctx.app.now());
    await raiseToCaseTlp(trx, ctx, actor, caseId, [input.entityId]);
    await announceMembers(trx, ctx.app, caseId, [input.entityId]);
    await announcePersonsAppeared(trx, ctx.app, [{ id: input.entityId, type: entity.type }], 'case', caseId);
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'case.entity-added',
      { type: 'case', id: caseId },
      { entityId: input.entityId, role: input.role ?? null },
    );
    return { caseId, entityId: input.entityId, role: input.role ?? null };
  });
}

/** Changes a person's role in a case: the reason is required and the change is kept in the history and audited. */
export async function changePersonRole(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  entityId: string,
  input: { role: PersonRole; reason: string },
) {
  authorize(actor, 'cases.write');
  return withAudit(ctx.app.db, async (trx) => {
    await assertCaseVisible(trx, actor, caseId, '/caseId');
    const placed = await trx
      .selectFrom('case_entities')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('entity_id', '=', entityId)
      // The entity must be one the actor may see (deleted or RED beyond them: not in this case for them).
      .where(
        sql<boolean>`exists (select 1 from entities where entities.id = case_entities.entity_id and ${entityVisible(actor)})`,
      )
      .forUpdate()
      .executeTakeFirst();
    if (!placed) throw new LiaisonError('not-found', 'This entity is not in this case.');
    const next = applyRoleChange(
      { role: placed.role as PersonRole | null, history: placed.role_history as never },
      {
        role: input.role,
        reason: input.reason,
        changedBy: actor.userId,
        changedAt: ctx.app.now().toISOString(),
      },
    );
    await trx
      .updateTable('case_entities')
      .set({ role: next.role, role_history: JSON.stringify(next.history) })
      .where('case_id', '=', caseId)
      .where('entity_id', '=', entityId)
      .execute();
    await announceMembers(trx, ctx.app, caseId, [entityId]);
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'case.person-role-changed',
      { type: 'case', id: caseId },
      { entityId, from: placed.role, to: input.role, reason: input.reason },
    );
    return { caseId, entityId, role: next.role, history: next.history };
  });
}
