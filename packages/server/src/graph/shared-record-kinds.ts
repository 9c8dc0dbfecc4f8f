// The graph's record kinds that travel in a case shared with scope `entities` (changes/shared-record-kind.ts):
// entities, their membership and role in the case, links between the case's entities. A peer's entity or link
// is written through the graph intake like any other (caption, search text and identifier index derived here,
// hits raised); its removal purges it (every owner deleting its rows). Moved here from federation by OWN.

import { createHash } from 'node:crypto';
import type { EntityType } from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { columnsFromFields, fieldsFromRow, type SharedRecordKind } from '../changes/shared-record-kind.ts';
import { systemCtx, type Tx } from '../context.ts';
import { announcePersonsAppeared } from './intake/announce.ts';
import { insertEntities, reindexEntity, writePeerEntity } from './intake/entity-intake.ts';
import { insertLinks, removeLinks, writePeerLink } from './intake/link-intake.ts';
import { purgeEntities } from './intake/purge.ts';

const entityColumns = {
  type: 'type',
  properties: 'properties',
  tlp: 'tlp',
  handlingCode: 'handling_code',
  markings: 'markings',
} as const;
// A case membership: the entity and its role (with the role's history) in the case.
const memberColumns = { entityId: 'entity_id', role: 'role', roleHistory: 'role_history' } as const;
const linkColumns = {
  type: 'type',
  sourceId: 'source_id',
  targetId: 'target_id',
  properties: 'properties',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  confidence: 'confidence',
  markings: 'markings',
} as const;
const jsonColumns = new Set(['properties', 'markings', 'role_history']);

/** A case membership has no id of its own: a stable one from the case and the entity. */
export function memberId(caseId: string, entityId: string): string {
  const h = createHash('sha256').update(`member:${caseId}:${entityId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The case's live members (a deleted entity, a tombstone, never leaves the node). */
async function liveMembers(trx: Tx, caseId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_entities')
    .innerJoin('entities', 'entities.id', 'case_entities.entity_id')
    .select('case_entities.entity_id')
    .where('case_entities.case_id', '=', caseId)
    .where('entities.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.entity_id);
}

export const entityRecord: SharedRecordKind = {
  kind: 'entity',
  scope: 'entities',
  order: 1,
  fields: Object.keys(entityColumns),
  createOnly: new Set(['type']),
  listInCase: liveMembers,
  async read(trx, ref) {
    const row = await trx.selectFrom('entities').selectAll().where('id', '=', ref.id).executeTakeFirst();
    return row ? fieldsFromRow(entityColumns, row) : null;
  },
  async exists(trx, ref) {
    return Boolean(await trx.selectFrom('entities').select('id').where('id', '=', ref.id).executeTakeFirst());
  },
  async create(trx, app, peer, ref, fields) {
    await insertEntities(trx, [
      {
        id: ref.id,
        type: fields.type as EntityType,
        properties: (fields.properties as Record<string, unknown> | undefined) ?? {},
        ownerAgencyId: await peer.agencyId(),
        tlp: String(fields.tlp ?? 'AMBER'),
        handlingCode: String(fields.handlingCode ?? 'H0'),
        markings: (fields.markings as Record<string, unknown> | null | undefined) ?? null,
        createdBy: await peer.userId(),
        createdAt: app.now(),
        identifiers: [],
      },
    ]);
    // A partner's person is news here (the fugitive flag watches for it); it is not told back to the partner.
    await announcePersonsAppeared(trx, app, [{ id: ref.id, type: String(fields.type) }], 'peer', ref.caseId);
    // Entities from a peer are indexed for correlation here like any others (identifiers → hits).
    return 'properties' in fields
      ? reindexEntity(systemCtx(app), trx, await peer.actor(), ref.id, ref.caseId)
      : [];
  },
  async update(trx, app, peer, ref, fields) {
    const ctx = systemCtx(app);
    await writePeerEntity(ctx, trx, ref.id, columnsFromFields(entityColumns, fields, jsonColumns));
    return 'properties' in fields ? reindexEntity(ctx, trx, await peer.actor(), ref.id, ref.caseId) : [];
  },
  async remove(trx, app, ref) {
    await purgeEntities(trx, app, [ref.id]);
  },
  async placedIn(trx, ids, caseIds) {
    const rows = await trx
      .selectFrom('case_entities')
      .select(['entity_id as id', 'case_id as caseId'])
      .where('entity_id', 'in', ids)
      .where('case_id', 'in', caseIds)
      .execute();
    return rows;
  },
};

export const memberRecord: SharedRecordKind = {
  kind: 'member',
  scope: 'entities',
  order: 2,
  fields: Object.keys(memberColumns),
  createOnly: new Set(['entityId']),
  // Addressed by its case and entity; mapped under an id derived from both.
  mappingId: (ref) => memberId(ref.caseId, ref.id),
  refFromFields(caseId, fields) {
    const entityId = String(fields.entityId ?? '');
    return entityId ? { id: entityId, caseId } : null;
  },
  listInCase: liveMembers,
  async read(trx, ref) {
    const row = await trx
      .selectFrom('case_entities')
      .selectAll()
      .where('case_id', '=', ref.caseId)
      .where('entity_id', '=', ref.id)
      .executeTakeFirst();
    return row ? fieldsFromRow(memberColumns, row) : null;
  },
  async exists(trx, ref) {
    return Boolean(
      await trx
        .selectFrom('case_entities')
        .select('entity_id')
        .where('case_id', '=', ref.caseId)
        .where('entity_id', '=', ref.id)
        .executeTakeFirst(),
    );
  },
  async create(trx, app, peer, ref, fields) {
    await trx
      .insertInto('case_entities')
      .values({
        role_history: '[]',
        ...(columnsFromFields(memberColumns, fields, jsonColumns) as object),
        case_id: ref.caseId,
        added_by: await peer.userId(),
        added_at: app.now(),
      } as never)
      .execute();
    return [];
  },
  async update(trx, _app, _peer, ref, fields) {
    await trx
      .updateTable('case_entities')
      .set(columnsFromFields(memberColumns, fields, jsonColumns) as never)
      .where('case_id', '=', ref.caseId)
      .where('entity_id', '=', ref.id)
      .execute();
    return [];
  },
  async remove(trx, _app, ref) {
    await trx
      .deleteFrom('case_entities')
      .where('case_id', '=', ref.caseId)
      .where('entity_id', '=', ref.id)
      .execute();
  },
};

export const linkRecord: SharedRecordKind = {
  kind: 'link',
  scope: 'entities',
  order: 3,
  fields: Object.keys(linkColumns),
  createOnly: new Set(['type', 'sourceId', 'targetId']),
  // Links between the case's live members.
  async listInCase(trx, caseId) {
    const ids = await liveMembers(trx, caseId);
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('links')
      .select('id')
      .where('source_id', 'in', ids)
      .where('target_id', 'in', ids)
      .execute();
    return rows.map((r) => r.id);
  },
  async read(trx, ref) {
    const row = await trx
      .selectFrom('links')
      .selectAll()
      .select([
        sql<string | null>`valid_from::text`.as('valid_from'),
        sql<string | null>`valid_to::text`.as('valid_to'),
      ])
      .where('id', '=', ref.id)
      .executeTakeFirst();
    return row ? fieldsFromRow(linkColumns, row) : null;
  },
  async exists(trx, ref) {
    return Boolean(await trx.selectFrom('links').select('id').where('id', '=', ref.id).executeTakeFirst());
  },
  async create(trx, app, peer, ref, fields) {
    await insertLinks(trx, [
      {
        id: ref.id,
        type: String(fields.type),
        sourceId: String(fields.sourceId),
        targetId: String(fields.targetId),
        properties: (fields.properties as Record<string, unknown> | undefined) ?? {},
        validFrom: fields.validFrom as string | null | undefined,
        validTo: fields.validTo as string | null | undefined,
        confidence: fields.confidence as number | null | undefined,
        markings: fields.markings as Record<string, unknown> | null | undefined,
        ownerAgencyId: await peer.agencyId(),
        createdBy: await peer.userId(),
        createdAt: app.now(),
      },
    ]);
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    await writePeerLink(systemCtx(app), trx, ref.id, columnsFromFields(linkColumns, fields, jsonColumns));
    return [];
  },
  async remove(trx, _app, ref) {
    await removeLinks(trx, [ref.id]);
  },
  // A link travels when both its ends are in the case.
  async placedIn(trx, ids, caseIds) {
    return trx
      .selectFrom('links as l')
      .innerJoin('case_entities as a', 'a.entity_id', 'l.source_id')
      .innerJoin('case_entities as b', (j) =>
        j.onRef('b.entity_id', '=', 'l.target_id').onRef('b.case_id', '=', 'a.case_id'),
      )
      .select(['l.id', 'a.case_id as caseId'])
      .where('l.id', 'in', ids)
      .where('a.case_id', 'in', caseIds)
      .execute();
  },
};

export const graphRecordKinds: readonly SharedRecordKind[] = [entityRecord, memberRecord, linkRecord];
