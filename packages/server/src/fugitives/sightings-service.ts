import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import { futureToleranceMs } from '@liaison/core/fugitives/lifecycle';
import type { Sighting, SightingInput, SightingVerificationInput } from '@liaison/core/fugitives/schemas';
import { displayNamesOf } from '../accounts/users-repository.ts';
import { withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { lockVisibleFugitive, seesSource } from './fugitive-access.ts';
import { assertOwnDocuments } from './fugitive-links.ts';
import { auditFugitive, invalidField } from './fugitive-repository.ts';
import { presentSighting } from './fugitive-rows.ts';
import { recordStep } from './fugitives-service.ts';

// Sightings and tips: where and when he was seen, by what source, evaluated with the 4x4 code (source
// reliability A/B/C/X, information accuracy 1–4), then verified. A confirmed sighting of a fugitive still
// "wanted" moves him to "sighted", dated when he was seen.

export async function addSighting(
  ctx: Ctx,
  actor: Actor,
  fugitiveId: string,
  input: SightingInput,
): Promise<Sighting> {
  authorize(actor, 'fugitives.write');
  const now = ctx.app.now();
  if (Date.parse(input.seenAt) > now.getTime() + futureToleranceMs)
    throw invalidField('/seenAt', 'A sighting cannot be dated in the future');
  const { row, fugitive } = await withAudit(ctx.app.db, async (trx) => {
    const fugitive = await lockVisibleFugitive(trx, actor, fugitiveId);
    await assertOwnDocuments(trx, fugitiveId, input.documentIds);
    const row = await trx
      .insertInto('fugitive_sightings')
      .values({
        fugitive_id: fugitiveId,
        seen_at: input.seenAt,
        province: input.place.province ?? null,
        place_text: input.place.text,
        lat: input.place.lat ?? null,
        lon: input.place.lon ?? null,
        source: input.source,
        source_detail: input.sourceDetail ?? null,
        reliability: input.reliability,
        accuracy: input.accuracy,
        description: input.description,
        document_ids: input.documentIds,
        recorded_by: actingUserId(actor),
        recorded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('fugitives').set({ updated_at: now }).where('id', '=', fugitiveId).execute();
    await ctx.app.changes.announce(trx, { on: 'record', record: 'sighting', ids: [row.id] });
    await auditFugitive(trx, ctx, actor, 'fugitive.sighting_added', fugitiveId, {
      reference: fugitive.reference,
      sightingId: row.id,
      source: input.source,
      evaluation: `${input.reliability}${input.accuracy}`,
      province: input.place.province ?? null,
    });
    return { row, fugitive };
  });
  return presentSighting(row, new Map(), seesSource(actor, fugitive, row.recorded_by));
}

/** Confirms or discounts a sighting (once decided, a sighting may be decided again, e.g. confirmed later). */
export async function verifySighting(
  ctx: Ctx,
  actor: Actor,
  fugitiveId: string,
  sightingId: string,
  input: SightingVerificationInput,
): Promise<Sighting> {
  authorize(actor, 'fugitives.write');
  const now = ctx.app.now();
  const { row, fugitive } = await withAudit(ctx.app.db, async (trx) => {
    const fugitive = await lockVisibleFugitive(trx, actor, fugitiveId);
    const current = await trx
      .selectFrom('fugitive_sightings')
      .selectAll()
      .where('id', '=', sightingId)
      .where('fugitive_id', '=', fugitiveId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new LiaisonError('not-found', 'No such sighting.');
    if (input.verification === 'discounted') {
      const used = await trx
        .selectFrom('fugitive_steps')
        .select('seq')
        .where('sighting_id', '=', sightingId)
        .executeTakeFirst();
      if (used)
        throw invalidField(
          '/verification',
          `Step ${used.seq} of the life cycle rests on this sighting: it cannot be discounted`,
        );
    }
    const row = await trx
      .updateTable('fugitive_sightings')
      .set({
        verification: input.verification,
        verified_by: input.verification === 'unverified' ? null : actingUserId(actor),
        verified_at: input.verification === 'unverified' ? null : now,
        verification_note: input.note ?? null,
      })
      .where('id', '=', sightingId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.app.changes.announce(trx, { on: 'record', record: 'sighting', ids: [sightingId] });
    await auditFugitive(trx, ctx, actor, 'fugitive.sighting_verified', fugitiveId, {
      reference: fugitive.reference,
      sightingId,
      from: current.verification,
      to: input.verification,
    });
    if (input.verification === 'confirmed' && input.advance && fugitive.status === 'wanted') {
      await recordStep(
        trx,
        ctx,
        actor,
        fugitiveId,
        {
          state: 'sighted',
          occurredAt: current.seen_at.toISOString(),
          details: current.province ? { province: current.province as never } : {},
          documentIds: [],
          sightingId,
          note: input.note,
        },
        now,
      );
    } else {
      await trx.updateTable('fugitives').set({ updated_at: now }).where('id', '=', fugitiveId).execute();
    }
    return { row, fugitive };
  });
  const names = await displayNamesOf(ctx.app.db, row.verified_by ? [row.verified_by] : []);
  return presentSighting(row, names, seesSource(actor, fugitive, row.recorded_by));
}
