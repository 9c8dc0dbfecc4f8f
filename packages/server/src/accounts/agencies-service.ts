import { actingUserId, type Actor, type Agency, authorize, LiaisonError, type Unit } from '@liaison/core';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx } from '../context.ts';
import { presentAgency, presentUnit } from './presenters.ts';

export async function listAgencies(ctx: Ctx, _actor: Actor): Promise<Agency[]> {
  // Every signed-in user may see which agencies exist: their names appear on every shared item.
  return (await ctx.app.db.selectFrom('agencies').selectAll().orderBy('code').execute()).map(presentAgency);
}

export async function createAgency(
  ctx: Ctx,
  actor: Actor,
  input: { code: string; name: string; country: string },
): Promise<Agency> {
  authorize(actor, 'agencies.manage');
  return ctx.app.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existing)
      throw new LiaisonError('conflict', 'An agency with this code exists.', {
        fields: [{ path: '/code', message: 'Already in use', code: 'already_in_use' }],
      });
    const row = await trx.insertInto('agencies').values(input).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId: actingUserId(actor),
      actorAgency: actor.agencyCode,
      action: 'agency.created',
      recordType: 'agency',
      recordId: row.id,
      ip: ctx.ip,
      details: input,
    });
    return presentAgency(row);
  });
}

export async function listUnits(ctx: Ctx, _actor: Actor, agencyId: string): Promise<Unit[]> {
  return (
    await ctx.app.db
      .selectFrom('units')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('name')
      .execute()
  ).map(presentUnit);
}

export async function createUnit(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  input: { name: string },
): Promise<Unit> {
  authorize(actor, 'agencies.manage');
  return ctx.app.db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', agencyId)
      .executeTakeFirst();
    if (!agency) throw new LiaisonError('not-found', 'No such agency.');
    const clash = await trx
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash)
      throw new LiaisonError('conflict', 'This agency already has a unit of that name.', {
        fields: [{ path: '/name', message: 'Already in use', code: 'already_in_use' }],
      });
    const row = await trx
      .insertInto('units')
      .values({ agency_id: agencyId, name: input.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId: actingUserId(actor),
      actorAgency: actor.agencyCode,
      action: 'unit.created',
      recordType: 'unit',
      recordId: row.id,
      ip: ctx.ip,
      details: { agencyId, name: input.name },
    });
    return presentUnit(row);
  });
}
