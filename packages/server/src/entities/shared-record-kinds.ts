// GRAPH: a first version of the graph's record kinds (entity, member, link) and its purge, moved here by OWN
// from federation/case-sync/{record-schema,local-record,local-writes,merge,mirror}.ts as it was (behaviour
// unchanged). Rewire it to the graph intake (inserts, re-indexing, removal), and move it with the graph's
// folders; the interface is changes/shared-record-kind.ts.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  columnsFromFields,
  fieldsFromRow,
  type RecordPurge,
  type SharedRecordKind,
} from '../changes/shared-record-kind.ts';
import type { AppContext, Tx } from '../context.ts';
import { dropEntities, dropLinks, indexPeerEntity } from '../federation/graph-index.ts';

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

async function updateVersioned(
  trx: Tx,
  app: AppContext,
  table: 'entities' | 'links',
  id: string,
  cols: Record<string, unknown>,
) {
  await trx
    .updateTable(table as 'entities')
    .set({ ...cols, updated_at: app.now(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .execute();
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
    const now = app.now();
    await trx
      .insertInto('entities')
      .values({
        properties: '{}',
        caption: '',
        ...(columnsFromFields(entityColumns, fields, jsonColumns) as object),
        id: ref.id,
        owner_agency_id: await peer.agencyId(),
        created_by: await peer.userId(),
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    // Entities from a peer are indexed for correlation here like any others (identifiers → hits).
    return 'properties' in fields ? indexPeerEntity(trx, app, await peer.actor(), ref.id, ref.caseId) : [];
  },
  async update(trx, app, peer, ref, fields) {
    await updateVersioned(
      trx,
      app,
      'entities',
      ref.id,
      columnsFromFields(entityColumns, fields, jsonColumns),
    );
    return 'properties' in fields ? indexPeerEntity(trx, app, await peer.actor(), ref.id, ref.caseId) : [];
  },
  async remove(trx, _app, ref) {
    await dropEntities(trx, [ref.id]);
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
    const now = app.now();
    await trx
      .insertInto('links')
      .values({
        properties: '{}',
        ...(columnsFromFields(linkColumns, fields, jsonColumns) as object),
        id: ref.id,
        owner_agency_id: await peer.agencyId(),
        created_by: await peer.userId(),
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    await updateVersioned(trx, app, 'links', ref.id, columnsFromFields(linkColumns, fields, jsonColumns));
    return [];
  },
  async remove(trx, _app, ref) {
    await dropLinks(trx, [ref.id]);
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

/**
 * The graph's rows of a removed mirror: the entities that came through it and what points at them, then what
 * still cites the case (memberships, hits and the access requests on them; identifiers keep their entity).
 */
export const graphPurge: RecordPurge = {
  owner: 'graph',
  before: ['cases'],
  async purgeEntities(trx, _app, ids) {
    await dropEntities(trx, ids);
  },
  async purgeCase(trx, _app, caseId) {
    await trx.deleteFrom('case_entities').where('case_id', '=', caseId).execute();
    await sql`delete from access_requests where case_id = ${caseId} or hit_id in (select id from hits where case_id = ${caseId} or matched_case_id = ${caseId})`.execute(
      trx,
    );
    await sql`delete from hits where case_id = ${caseId} or matched_case_id = ${caseId}`.execute(trx);
    await sql`update identifiers set case_id = null where case_id = ${caseId}`.execute(trx);
  },
};
