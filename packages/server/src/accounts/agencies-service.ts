import { type Actor, type Agency, actingUserId, authorize, LiaisonError, type Unit } from '@liaison/core';
import { audit, withAudit } from '../audit/audit.ts';
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
  return withAudit(ctx.app.db, async (trx) => {
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
    await audit({ ...ctx, trx }, actor, 'agency.created', { type: 'agency', id: row.id }, input);
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
  return withAudit(ctx.app.db, async (trx) => {
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
    await audit(
      { ...ctx, trx },
      actor,
      'unit.created',
      { type: 'unit', id: row.id },
      { agencyId, name: input.name },
    );
    return presentUnit(row);
  });
}
