import { type Actor, authorize, isSystem, LiaisonError } from '@liaison/core';
import { validateEntityInput } from '@liaison/core/graph/index';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Tx } from '../../context.ts';
import { agencyCountry } from '../../correlation/agency-country.ts';
import { publishAll } from '../../correlation/correlate.ts';
import { moveIdentifiersCase } from '../../correlation/unindex.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { announceEntities, announceLinks, announceMembers } from '../intake/announce.ts';
import {
  indexEntities,
  reindexIdentifiers,
  rewriteEntity,
  tombstoneEntity,
} from '../intake/entity-intake.ts';
import { removeLinks } from '../intake/link-intake.ts';
import { assertMarkingChange } from './case-markings.ts';
import { indexIdentifiers } from './entity-index.ts';
import { type EntityRow, presentEntity } from './entity-presenter.ts';
import { selectEntities } from './entity-queries.ts';
import { assertCaseVisible } from './entity-reads.ts';
import { type CreatedEntity, ownSide } from './entity-writes.ts';
import { entityVisible } from './visibility.ts';

/*
 * Editing and deleting in the graph. The rule for every path here: the actor must see the record (the
 * need-to-know rule, `visibility.ts`; otherwise 404, saying nothing of it) and it must be their agency's
 * (otherwise 403): the originator owns its records, a peer's mirrored record is changed only at its origin.
 * Lowering a marking also needs the information's originator and stays within what the entity's cases and
 * rescue cases require (`case-markings.ts`); it is audited as `entity.tlp-lowered`.
 *
 * Deleting an entity tombstones it (`deleted_at`, `deleted_by`): the row stays so hits, access requests,
 * person-match decisions and the audit trail keep pointing at something, but it is hidden from every read
 * (the visibility rule excludes it), its identifiers leave the index (it correlates no more), and hits that
 * name it drop out of hit lists. Its links and case memberships stay in the tables, unreachable through it
 * (the tombstone rule, `visibility.ts`).
 * A link is deleted outright (its audit entry keeps what it was). Removing an entity from a case deletes
 * the membership (the audit entry keeps its role and history).
 */

function staleVersion(current: number): LiaisonError {
  return new LiaisonError(
    'conflict',
    `Someone changed this entity meanwhile (now version ${current}); reload and apply your change again.`,
    { extra: { currentVersion: current } },
  );
}

/** The entity, locked, when the actor may see it and it is their agency's. */
async function lockOwnEntity(trx: Tx, actor: Actor, entityId: string): Promise<EntityRow> {
  const locked = await trx
    .selectFrom('entities')
    .select('id')
    .where('id', '=', entityId)
    .where(entityVisible(actor))
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw new LiaisonError('not-found', `No entity ${entityId} that you may see.`);
  const row = (await selectEntities(trx)
    .where('entities.id', '=', entityId)
    .executeTakeFirstOrThrow()) as EntityRow;
  if (!isSystem(actor) && row.owner_agency_id !== actor.agencyId)
    throw new LiaisonError(
      'forbidden',
      `This entity belongs to ${row.owner_agency_code}; only that agency may change it.`,
    );
  return row;
}

/**
 * Replaces an entity's properties (and markings, when given) as the client read it at `version`; the type
 * never changes. Identifiers no longer carried leave the index; new ones are indexed and correlated (hits).
 */
export async function updateEntity(
  ctx: Ctx,
  actor: Actor,
  entityId: string,
  version: number | undefined,
  input: Record<string, unknown>,
): Promise<CreatedEntity> {
  authorize(actor, 'entities.write');
  const { version: bodyVersion, type, ...rest } = input;
  const expected =
    version ??
    (typeof bodyVersion === 'number' && Number.isInteger(bodyVersion) && bodyVersion > 0
      ? bodyVersion
      : undefined);
  if (expected === undefined)
    throw new LiaisonError('invalid-input', 'Send the version you edited (If-Match or `version`).', {
      fields: [{ path: '/version', message: 'Required', code: 'required' }],
    });
  const events: LiveEvent[] = [];
  const result = await withAudit(ctx.app.db, async (trx) => {
    const before = await lockOwnEntity(trx, actor, entityId);
    if (type !== undefined && type !== before.type)
      throw new LiaisonError('invalid-input', 'The type of an entity cannot change.', {
        fields: [{ path: '/type', message: `Stays ${before.type}` }],
      });
    if (before.version !== expected) throw staleVersion(before.version);
    const entity = validateEntityInput({ ...rest, type: before.type });
    const { lowered } = entity.markings
      ? await assertMarkingChange(trx, actor, before, entity.markings)
      : { lowered: false };
    const identifiers = indexIdentifiers(entity, '', {
      defaultCountry: await agencyCountry(trx, before.owner_agency_id),
    });
    const row = await rewriteEntity(ctx, trx, entityId, { ...entity, identifiers });
    // The index follows the properties: what is gone leaves it, what is new is indexed and correlated.
    const { fresh, removed } = await reindexIdentifiers(trx, entityId, identifiers);
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'entity.updated',
      { type: 'entity', id: entityId },
      {
        type: before.type,
        versionBefore: before.version,
        fields: Object.keys(entity.properties),
        ...(entity.markings && { tlpBefore: before.tlp, tlpAfter: entity.markings.tlp }),
        identifiersAdded: fresh.length,
        identifiersRemoved: removed,
      },
    );
    // A lowered marking opens the record to more people: its own entry, findable by the action.
    if (lowered)
      await audit(
        { ...ctx, trx },
        { actorId: actor.userId, actorAgency: actor.agencyCode },
        'entity.tlp-lowered',
        { type: 'entity', id: entityId },
        { from: before.tlp, to: entity.markings!.tlp, versionBefore: before.version },
      );
    const correlated = await indexEntities(ctx, trx, actor, fresh, [entityId]);
    events.push(...correlated.events);
    return {
      entity: presentEntity({ ...row, owner_agency_code: before.owner_agency_code }),
      identifiers: identifiers.map(({ kind, raw, value, display, valid, problem, property }) => ({
        kind,
        raw,
        value,
        display,
        valid,
        property,
        ...(problem && { problem }),
      })),
      hits: correlated.hits.map(ownSide),
    };
  });
  await publishAll(ctx, events);
  return result;
}

/** Deletes (tombstones) an entity; with `version`, only if nobody changed it since. */
export async function deleteEntity(
  ctx: Ctx,
  actor: Actor,
  entityId: string,
  options: { version?: number | undefined; reason?: string | undefined } = {},
): Promise<void> {
  authorize(actor, 'entities.write');
  await withAudit(ctx.app.db, async (trx) => {
    const before = await lockOwnEntity(trx, actor, entityId);
    if (options.version !== undefined && before.version !== options.version)
      throw staleVersion(before.version);
    const { identifiersRemoved } = await tombstoneEntity(ctx, trx, entityId, actor.userId);
    const cases = await trx
      .selectFrom('case_entities')
      .select('case_id')
      .where('entity_id', '=', entityId)
      .execute();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'entity.deleted',
      { type: 'entity', id: entityId },
      {
        type: before.type,
        caption: before.caption,
        version: before.version,
        caseIds: cases.map((c) => c.case_id),
        identifiersRemoved,
        reason: options.reason ?? null,
      },
    );
    await announceEntities(trx, ctx.app, [entityId], { deleted: true });
  });
}

/** Deletes a link the actor may see (both ends visible) and their agency made. */
export async function deleteLink(ctx: Ctx, actor: Actor, linkId: string): Promise<void> {
  authorize(actor, 'entities.write');
  await withAudit(ctx.app.db, async (trx) => {
    const link = await trx
      .selectFrom('links')
      .selectAll()
      .where('id', '=', linkId)
      .forUpdate()
      .executeTakeFirst();
    const ends = link
      ? await trx
          .selectFrom('entities')
          .select('id')
          .where('id', 'in', [link.source_id, link.target_id])
          .where(entityVisible(actor))
          .execute()
      : [];
    if (!link || ends.length < new Set([link.source_id, link.target_id]).size)
      throw new LiaisonError('not-found', `No link ${linkId} that you may see.`);
    if (!isSystem(actor) && link.owner_agency_id !== actor.agencyId)
      throw new LiaisonError('forbidden', 'Only the agency that made this link may delete it.');
    // A person-match decision keeps its verdict; it no longer names the link it made.
    await removeLinks(trx, [linkId]);
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'link.deleted',
      { type: 'link', id: linkId },
      {
        type: link.type,
        sourceId: link.source_id,
        targetId: link.target_id,
        properties: link.properties,
        validFrom: link.valid_from,
        validTo: link.valid_to,
      },
    );
    await announceLinks(trx, ctx.app, [linkId], { deleted: true });
  });
}

/** Takes an entity out of a case of the actor's agency; the entity itself stays. */
export async function removeEntityFromCase(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  entityId: string,
): Promise<void> {
  authorize(actor, 'entities.write');
  await withAudit(ctx.app.db, async (trx) => {
    await assertCaseVisible(trx, actor, caseId, '/caseId');
    const owner = await trx
      .selectFrom('cases')
      .select('owner_agency_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const placed = await trx
      .selectFrom('case_entities')
      .innerJoin('entities', 'entities.id', 'case_entities.entity_id')
      .select(['case_entities.role', 'case_entities.role_history'])
      .where('case_entities.case_id', '=', caseId)
      .where('case_entities.entity_id', '=', entityId)
      .where(entityVisible(actor))
      .forUpdate()
      .executeTakeFirst();
    if (!placed) throw new LiaisonError('not-found', 'This entity is not in this case.');
    if (!isSystem(actor) && owner.owner_agency_id !== actor.agencyId)
      throw new LiaisonError('forbidden', 'Only the agency that owns this case may change what is in it.');
    await trx
      .deleteFrom('case_entities')
      .where('case_id', '=', caseId)
      .where('entity_id', '=', entityId)
      .execute();
    // Identifiers indexed in the context of this case move to another case of the entity, or to none.
    const other = await trx
      .selectFrom('case_entities')
      .select('case_id')
      .where('entity_id', '=', entityId)
      .orderBy('added_at')
      .executeTakeFirst();
    await moveIdentifiersCase(trx, entityId, caseId, other?.case_id ?? null);
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'case.entity-removed',
      { type: 'case', id: caseId },
      { entityId, role: placed.role, roleHistory: placed.role_history },
    );
    await announceMembers(trx, ctx.app, caseId, [entityId], { deleted: true });
  });
}
