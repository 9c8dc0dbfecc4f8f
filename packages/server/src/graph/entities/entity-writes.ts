import { type Actor, authorize, fieldProblemOf, LiaisonError, plainText } from '@liaison/core';
import { personRoles } from '@liaison/core/cases/person-role';
import {
  type CreatedEntity,
  type EntityInput,
  type OwnSideHit,
  validateEntityInput,
} from '@liaison/core/graph/index';
import { z } from 'zod';
import { withAudit } from '../../audit/audit.ts';
import { type AuditInput, appendAuditBatch } from '../../audit/audit-repository.ts';
import type { Ctx } from '../../context.ts';
import { agencyCountry } from '../../correlation/agency-country.ts';
import { type NewIdentifier, publishAll, type RaisedHit } from '../../correlation/correlate.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { announcePersonsAppeared } from '../intake/announce.ts';
import { indexEntities, insertEntities } from '../intake/entity-intake.ts';
import { markingsInCase } from './case-markings.ts';
import { placeInCase } from './case-members.ts';
import { indexIdentifiers } from './entity-index.ts';
import { presentEntity } from './entity-presenter.ts';
import { assertCaseVisible } from './entity-reads.ts';

// Creating entities: one from the form, or many pasted from text, each optionally placed in a case.

const Placement = z.object({
  caseId: z.uuid().optional(),
  role: z.enum(personRoles).optional(),
  roleReason: plainText().max(1_000).optional(),
});

export type { CreatedEntity, OwnSideHit };

/** Only the side the actor wrote: the matched record may be one they must not learn of (not even its id). */
export function ownSide(hit: RaisedHit): OwnSideHit {
  return { id: hit.id, kind: hit.kind, entityId: hit.entityId, caseId: hit.caseId };
}

function validateOne(
  input: unknown,
  prefix: string,
): { entity: EntityInput; placement: z.infer<typeof Placement> } {
  const { caseId, role, roleReason, ...rest } = (input ?? {}) as Record<string, unknown>;
  const placement = Placement.safeParse({ caseId, role, roleReason });
  if (!placement.success) {
    throw new LiaisonError('invalid-input', 'The case or role is not valid', {
      fields: placement.error.issues.map((issue) => {
        const problem = fieldProblemOf(issue, { caseId, role, roleReason });
        return { ...problem, path: prefix + problem.path };
      }),
    });
  }
  let entity: EntityInput;
  try {
    entity = validateEntityInput(rest);
  } catch (error) {
    if (error instanceof LiaisonError && prefix) {
      throw new LiaisonError(error.code, error.detail, {
        fields: error.fields?.map((f) => ({ ...f, path: prefix + f.path })),
      });
    }
    throw error;
  }
  if (placement.data.role && entity.type !== 'person') {
    throw new LiaisonError('invalid-input', 'Only a person has a role in a case', {
      fields: [{ path: `${prefix}/role`, message: 'Only for persons' }],
    });
  }
  return { entity, placement: placement.data };
}

/**
 * Creates entities (one, or many pasted from text) with their identifiers, optionally in a case, in one
 * transaction: identifiers are indexed and hits raised before it commits, so nothing is half-written.
 */
export async function createEntities(
  ctx: Ctx,
  actor: Actor,
  inputs: readonly unknown[],
  options: { prefix?: (i: number) => string } = {},
): Promise<CreatedEntity[]> {
  authorize(actor, 'entities.write');
  const defaultCountry = await agencyCountry(ctx.app.db, actor.agencyId);
  const prepared = inputs.map((input, i) => {
    const prefix = options.prefix?.(i) ?? '';
    const { entity, placement } = validateOne(input, prefix);
    return {
      entity,
      placement,
      identifiers: indexIdentifiers(entity, prefix, { defaultCountry }),
    };
  });
  const events: LiveEvent[] = [];
  const created = await withAudit(ctx.app.db, async (trx) => {
    const caseMarkings = new Map<string, { tlp: string; handling_code: string }>();
    for (const [i, item] of prepared.entries()) {
      const caseId = item.placement.caseId;
      if (caseId && !caseMarkings.has(caseId))
        caseMarkings.set(
          caseId,
          await assertCaseVisible(trx, actor, caseId, `${options.prefix?.(i) ?? ''}/caseId`),
        );
    }
    const results: CreatedEntity[] = [];
    const newIdentifiers: NewIdentifier[] = [];
    const audits: AuditInput[] = [];
    const rows = await insertEntities(
      trx,
      prepared.map((item) => {
        const caseId = item.placement.caseId;
        return {
          type: item.entity.type,
          properties: item.entity.properties,
          ownerAgencyId: actor.agencyId,
          ...markingsInCase(item.entity.markings, caseId ? caseMarkings.get(caseId) : undefined),
          createdBy: actor.userId,
          identifiers: item.identifiers,
        };
      }),
    );
    for (const [i, item] of prepared.entries()) {
      const row = rows[i]!;
      const caseId = item.placement.caseId ?? null;
      if (caseId)
        await placeInCase(
          trx,
          actor,
          caseId,
          row.id,
          item.placement.role,
          item.placement.roleReason,
          ctx.app.now(),
        );
      newIdentifiers.push(
        ...item.identifiers.map((identifier) => ({ ...identifier, entityId: row.id, caseId })),
      );
      audits.push({
        actorId: actor.userId,
        actorAgency: actor.agencyCode,
        action: 'entity.created',
        recordType: 'entity',
        recordId: row.id,
        ip: ctx.ip,
        details: { type: row.type, caseId, role: item.placement.role ?? null },
      });
      results.push({
        entity: presentEntity({ ...row, owner_agency_code: actor.agencyCode }),
        identifiers: item.identifiers.map(
          ({ kind, raw, value, display, valid, problem, details, property }) => ({
            kind,
            raw,
            value,
            display,
            valid,
            property,
            ...(problem && { problem }),
            ...(details && { details }),
          }),
        ),
        hits: [],
      });
    }
    // One chained append for the whole request: an entry per entity, the chain lock taken once.
    await appendAuditBatch(trx, audits);
    const correlated = await indexEntities(
      ctx,
      trx,
      actor,
      newIdentifiers,
      results.map((r) => r.entity.id),
    );
    events.push(...correlated.events);
    for (const [i, item] of prepared.entries())
      await announcePersonsAppeared(trx, ctx.app, [rows[i]!], 'created', item.placement.caseId);
    for (const result of results)
      result.hits = correlated.hits.filter((hit) => hit.entityId === result.entity.id).map(ownSide);
    return results;
  });
  await publishAll(ctx, events);
  return created;
}
