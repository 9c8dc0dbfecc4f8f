import { type Actor, authorize, fieldProblemOf, LiaisonError, plainText, type Tlp } from '@liaison/core';
import { applyRoleChange, type PersonRole, personRoles } from '@liaison/core/cases/person-role';
import {
  type CreatedEntity,
  type EntityInput,
  entityCaption,
  type OwnSideHit,
  validateEntityInput,
} from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { z } from 'zod';
import { type AuditInput, appendAudit, appendAuditBatch } from '../audit/audit-repository.ts';
import type { Ctx, Db, Tx } from '../context.ts';
import { agencyCountry } from '../correlation/agency-country.ts';
import {
  indexAndCorrelate,
  type NewIdentifier,
  publishAll,
  type RaisedHit,
} from '../correlation/correlate.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import { raiseToCaseTlp, stricterTlp } from './case-markings.ts';
import { indexIdentifiers, searchTextOf } from './entity-index.ts';
import { type EntityRow, presentEntity } from './entity-presenter.ts';
import { selectEntities } from './entity-queries.ts';
import type { StoredRoleChange } from './tables.ts';
import { casesInScopeVisible, entityVisible, noneDeleted } from './visibility.ts';

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

/** The markings an entity entered in a case gets: what it asked for, or the case's TLP where that is stricter. */
function markingsInCase(
  asked: EntityInput['markings'],
  inherited: { tlp: string; handling_code: string } | undefined,
) {
  const tlp = inherited
    ? asked
      ? stricterTlp(asked.tlp, inherited.tlp as Tlp)
      : (inherited.tlp as Tlp)
    : (asked?.tlp ?? 'AMBER');
  return {
    tlp,
    handling_code: asked?.handlingCode ?? inherited?.handling_code ?? 'H0',
    markings: asked ? JSON.stringify({ ...asked, tlp }) : null,
  };
}

/** Fails with not-found (naming the field) when the case does not exist or the actor may not see it. */
export async function assertCaseVisible(db: Db, actor: Actor, caseId: string, path = '/caseId') {
  const found = await db
    .selectFrom('cases')
    .select(['id', 'tlp', 'handling_code'])
    .where('id', '=', caseId)
    .where(casesInScopeVisible(actor))
    .executeTakeFirst();
  if (!found)
    throw new LiaisonError('not-found', `No case ${caseId} that you may see.`, {
      fields: [{ path, message: 'No such case', code: 'not_found' }],
    });
  return found;
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
      caption: entityCaption(entity.type, entity.properties),
    };
  });
  const events: LiveEvent[] = [];
  const created = await ctx.app.db.transaction().execute(async (trx) => {
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
    for (const item of prepared) {
      const caseId = item.placement.caseId ?? null;
      const inherited = caseId ? caseMarkings.get(caseId) : undefined;
      const row = await trx
        .insertInto('entities')
        .values({
          type: item.entity.type,
          properties: JSON.stringify(item.entity.properties),
          caption: item.caption,
          search_text: searchTextOf(item.entity.type, item.entity.properties, item.caption, item.identifiers),
          owner_agency_id: actor.agencyId,
          ...markingsInCase(item.entity.markings, inherited),
          created_by: actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
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
    const correlated = await indexAndCorrelate(ctx, trx, actor, newIdentifiers);
    events.push(...correlated.events);
    for (const result of results)
      result.hits = correlated.hits.filter((hit) => hit.entityId === result.entity.id).map(ownSide);
    await ctx.app.changes.announce(trx, {
      on: 'graph',
      record: 'entity',
      ids: results.map((r) => r.entity.id),
    });
    return results;
  });
  await publishAll(ctx, events);
  return created;
}

async function placeInCase(
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
  return ctx.app.db.transaction().execute(async (trx) => {
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
    await ctx.app.changes.announce(trx, { on: 'graph', record: 'member', ids: [input.entityId], caseId });
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'case.entity-added',
      recordType: 'case',
      recordId: caseId,
      ip: ctx.ip,
      details: { entityId: input.entityId, role: input.role ?? null },
    });
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
  return ctx.app.db.transaction().execute(async (trx) => {
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
    await ctx.app.changes.announce(trx, { on: 'graph', record: 'member', ids: [entityId], caseId });
    await appendAudit(trx, {
      actorId: actor.userId,
      actorAgency: actor.agencyCode,
      action: 'case.person-role-changed',
      recordType: 'case',
      recordId: caseId,
      ip: ctx.ip,
      details: { entityId, from: placed.role, to: input.role, reason: input.reason },
    });
    return { caseId, entityId, role: next.role, history: next.history };
  });
}

/** The entities of one case with their roles (the case page's Entities panel). */
export async function listCaseEntities(ctx: Ctx, actor: Actor, caseId: string) {
  authorize(actor, 'entities.read');
  await assertCaseVisible(ctx.app.db, actor, caseId);
  const rows = (await selectEntities(ctx.app.db)
    .innerJoin('case_entities', 'case_entities.entity_id', 'entities.id')
    .select(['case_entities.role', 'case_entities.role_history', 'case_entities.added_at'])
    .where('case_entities.case_id', '=', caseId)
    .where(entityVisible(actor))
    .orderBy('case_entities.added_at')
    .execute()) as Array<
    EntityRow & { role: string | null; role_history: StoredRoleChange[]; added_at: Date }
  >;
  return rows.map((row) => ({
    entity: presentEntity(row),
    role: row.role,
    roleHistory: row.role_history,
    addedAt: row.added_at.toISOString(),
  }));
}

/**
 * The entity page: the entity, its identifiers, the cases the actor may see (with roles) and its neighbours.
 * Cases the actor may not see are not counted either: that a hidden case holds the entity is the case's secret.
 */
export async function getEntityPage(ctx: Ctx, actor: Actor, entityId: string) {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  const row = (await selectEntities(db)
    .where('entities.id', '=', entityId)
    .where(entityVisible(actor))
    .executeTakeFirst()) as EntityRow | undefined;
  if (!row) throw new LiaisonError('not-found', `No entity ${entityId} that you may see.`);
  const [identifiers, cases, links] = await Promise.all([
    db
      .selectFrom('identifiers')
      .select(['kind', 'value', 'raw', 'display', 'valid', 'problem', 'details', 'property'])
      .where('entity_id', '=', entityId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('case_entities')
      .innerJoin('cases', 'cases.id', 'case_entities.case_id')
      .innerJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
      .select([
        'cases.id',
        'cases.number',
        'cases.title',
        'cases.status',
        'agencies.code as ownerAgency',
        'case_entities.role',
        'case_entities.role_history',
      ])
      .where('case_entities.entity_id', '=', entityId)
      .where(casesInScopeVisible(actor))
      .orderBy('case_entities.added_at')
      .execute(),
    db
      .selectFrom('links')
      .selectAll()
      .where((eb) => eb.or([eb('source_id', '=', entityId), eb('target_id', '=', entityId)]))
      // A deleted neighbour is gone, not restricted: neither listed nor counted (the tombstone rule).
      .where(noneDeleted(sql.ref('links.source_id'), sql.ref('links.target_id')))
      .limit(500)
      .execute(),
  ]);
  const otherIds = links.map((l) => (l.source_id === entityId ? l.target_id : l.source_id));
  const others = otherIds.length
    ? ((await selectEntities(db)
        .where('entities.id', 'in', [...new Set(otherIds)])
        .where(entityVisible(actor))
        .execute()) as EntityRow[])
    : [];
  const visible = new Map(others.map((o) => [o.id, presentEntity(o)]));
  const neighbours = links
    .filter((l) => visible.has(l.source_id === entityId ? l.target_id : l.source_id))
    .map((l) => ({
      link: presentLink(l),
      entity: visible.get(l.source_id === entityId ? l.target_id : l.source_id)!,
    }));
  return {
    entity: presentEntity(row),
    identifiers: identifiers.map((i) => ({
      ...i,
      problem: i.problem ?? undefined,
      details: i.details ?? undefined,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      ownerAgency: c.ownerAgency,
      role: c.role,
      roleHistory: c.role_history,
    })),
    neighbours,
    restrictedNeighbourCount: links.length - neighbours.length,
  };
}

export function presentLink(l: {
  id: string;
  type: string;
  source_id: string;
  target_id: string;
  properties: Record<string, unknown>;
  valid_from: string | null;
  valid_to: string | null;
  confidence: number | null;
  created_by: string;
  created_at: Date;
}) {
  return {
    id: l.id,
    type: l.type,
    sourceId: l.source_id,
    targetId: l.target_id,
    properties: l.properties,
    validFrom: l.valid_from ?? undefined,
    validTo: l.valid_to ?? undefined,
    confidence: l.confidence ?? undefined,
    createdBy: l.created_by,
    createdAt: l.created_at.toISOString(),
  };
}
