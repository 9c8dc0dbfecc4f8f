import { type Actor, actingUserId, authorize, can, LiaisonError, plainText } from '@liaison/core';
import {
  type CompoundDetail,
  type CompoundListItem,
  CompoundStatus,
  type CompoundView,
} from '@liaison/core/compounds/compound-schema';
import { CambodianProvince, type RescueState } from '@liaison/core/rescue/index';
import { type Selectable, sql } from 'kysely';
import { z } from 'zod';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { operationsOfCompound } from '../operations/compound-operations.ts';
import type { RescueTables } from '../rescue/tables.ts';
import { distanceToBorderKm } from './cambodia-geo.ts';

const compoundShape = {
  name: plainText().min(1).max(200),
  aliases: z.array(plainText().min(1).max(200)).max(30),
  province: CambodianProvince,
  lat: z.number().min(9.5).max(15),
  lon: z.number().min(102).max(108),
  /** Left out, it is worked out from the offline outline when coordinates are given. */
  borderDistanceKm: z.number().min(0).max(500),
  status: CompoundStatus,
  notes: plainText().max(5000),
};
export const CompoundInput = z.strictObject({
  ...compoundShape,
  aliases: compoundShape.aliases.default([]),
  lat: compoundShape.lat.optional(),
  lon: compoundShape.lon.optional(),
  borderDistanceKm: compoundShape.borderDistanceKm.optional(),
  status: compoundShape.status.default('active'),
  notes: compoundShape.notes.default(''),
});
export type CompoundInput = z.infer<typeof CompoundInput>;
/** Only the fields sent change: no defaults here. */
export const CompoundPatch = z.strictObject(compoundShape).partial();

type CompoundRow = Selectable<RescueTables['compounds']>;

function present(r: CompoundRow): CompoundView {
  return {
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    province: r.province,
    lat: r.lat,
    lon: r.lon,
    borderDistanceKm: r.border_distance_km,
    status: r.status as CompoundStatus,
    notes: r.notes,
    updatedAt: r.updated_at.toISOString(),
  };
}

function borderDistance(input: Partial<CompoundInput>): number | null {
  if (input.borderDistanceKm !== undefined) return input.borderDistanceKm;
  return input.lat !== undefined && input.lon !== undefined ? distanceToBorderKm(input.lat, input.lon) : null;
}

/** The register's filters: a name or alias fragment, a status, a province (each optional, all must hold). */
export const CompoundFilter = z.strictObject({
  q: z.string().max(100).optional(),
  status: CompoundStatus.optional(),
  province: CambodianProvince.optional(),
});
export type CompoundFilter = z.infer<typeof CompoundFilter>;

export async function listCompounds(
  ctx: Ctx,
  actor: Actor,
  filter: CompoundFilter = {},
): Promise<CompoundListItem[]> {
  authorize(actor, 'compounds.read');
  let query = ctx.app.db.selectFrom('compounds').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.province) query = query.where('province', '=', filter.province);
  if (filter.q) {
    const q = `%${filter.q.replace(/[%_]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', q), eb(sql<string>`array_to_string(aliases, ' ')`, 'ilike', q)]),
    );
  }
  const rows = await query.orderBy('name').limit(500).execute();
  const counts = await ctx.app.db
    .selectFrom('rescue_cases')
    .select(['compound_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('compound_id', 'is not', null)
    .where('merged_into', 'is', null)
    .groupBy('compound_id')
    .execute();
  const byCompound = new Map(counts.map((c) => [c.compound_id, Number(c.n)]));
  return rows.map((r) => ({ ...present(r), rescueCases: byCompound.get(r.id) ?? 0 }));
}

/**
 * A compound with its linked rescue cases (reference, state, risk: no personal data) and operations. The cases
 * are the rescue board's lines, so only a reader of the board (`rescue.read`) gets them; an analyst who may read
 * the register but not the board gets none.
 */
export async function getCompound(ctx: Ctx, actor: Actor, id: string): Promise<CompoundDetail> {
  authorize(actor, 'compounds.read');
  const row = await ctx.app.db.selectFrom('compounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such compound.');
  const cases = !can(actor, 'rescue.read')
    ? []
    : await ctx.app.db
        .selectFrom('rescue_cases')
        .select(['id', 'reference', 'state', 'risk_level', 'created_at'])
        .where('compound_id', '=', id)
        .where('merged_into', 'is', null)
        .orderBy('created_at', 'desc')
        .execute();
  return {
    ...present(row),
    rescueCases: cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      state: c.state as RescueState,
      riskLevel: c.risk_level,
      reportedAt: c.created_at.toISOString(),
    })),
    operations: await operationsOfCompound(ctx.app.db, actor, id),
  };
}

export async function createCompound(ctx: Ctx, actor: Actor, input: CompoundInput) {
  authorize(actor, 'compounds.write');
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx
      .insertInto('compounds')
      .values({
        name: input.name,
        aliases: input.aliases,
        province: input.province,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        border_distance_km: borderDistance(input),
        status: input.status,
        notes: input.notes,
        created_by: actingUserId(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      actor,
      'compound.created',
      { type: 'compound', id: row.id },
      { status: row.status, province: row.province },
    );
    return present(row);
  });
}

export async function updateCompound(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: z.infer<typeof CompoundPatch>,
) {
  authorize(actor, 'compounds.write');
  return withAudit(ctx.app.db, async (trx) => {
    const current = await trx
      .selectFrom('compounds')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new LiaisonError('not-found', 'No such compound.');
    const lat = patch.lat ?? current.lat ?? undefined;
    const lon = patch.lon ?? current.lon ?? undefined;
    const moved = patch.lat !== undefined || patch.lon !== undefined;
    const row = await trx
      .updateTable('compounds')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.aliases !== undefined && { aliases: patch.aliases }),
        ...(patch.province !== undefined && { province: patch.province }),
        ...(patch.lat !== undefined && { lat: patch.lat }),
        ...(patch.lon !== undefined && { lon: patch.lon }),
        ...((moved || patch.borderDistanceKm !== undefined) && {
          border_distance_km: borderDistance({ lat, lon, borderDistanceKm: patch.borderDistanceKm }),
        }),
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
        updated_at: ctx.app.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'compound.updated',
      { type: 'compound', id: id },
      { fields: Object.keys(patch), ...(patch.status && { status: patch.status }) },
    );
    return present(row);
  });
}
