import type { Actor } from '@liaison/core';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit-repository.ts';
import type { Ctx, Tx } from '../context.ts';
import type { IndexedIdentifier } from '../entities/entity-index.ts';
import type { LiveEvent } from '../events/event-bus.ts';

export interface NewIdentifier extends IndexedIdentifier {
  entityId: string;
  caseId: string | null;
}

export interface RaisedHit {
  id: string;
  kind: string;
  entityId: string;
  caseId: string | null;
  matchedEntityId: string;
  matchedCaseId: string | null;
}

// Beyond this many matches for one identifier in one call, the identifier is too common to be evidence.
const MAX_MATCHES_PER_IDENTIFIER = 50;
const INSERT_BATCH = 1_000;

/**
 * Indexes identifiers and raises a hit, in the caller's transaction, for every valid identifier that another
 * entity already carries (unless marked as not correlating). Returns the hits and the live events to publish
 * once the transaction commits.
 */
export async function indexAndCorrelate(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  identifiers: readonly NewIdentifier[],
): Promise<{ hits: RaisedHit[]; events: LiveEvent[] }> {
  for (let i = 0; i < identifiers.length; i += INSERT_BATCH) {
    await trx
      .insertInto('identifiers')
      .values(
        identifiers.slice(i, i + INSERT_BATCH).map((id) => ({
          kind: id.kind,
          value: id.value,
          raw: id.raw,
          display: id.display,
          valid: id.valid,
          problem: id.problem ?? null,
          property: id.property,
          entity_id: id.entityId,
          case_id: id.caseId,
        })),
      )
      .execute();
  }
  const candidates = identifiers.filter((id) => id.valid);
  if (candidates.length === 0) return { hits: [], events: [] };
  const matches = await sql<{
    kind: string;
    value: string;
    entity_id: string;
    case_id: string | null;
    q_entity: string;
    q_case: string | null;
  }>`
    select distinct on (q.entity, i.entity_id, i.kind, i.value) i.kind, i.value, i.entity_id, i.case_id, q.entity as q_entity, q.case_id as q_case
    from unnest(${candidates.map((c) => c.kind)}::text[], ${candidates.map((c) => c.value)}::text[],
                ${candidates.map((c) => c.entityId)}::uuid[], ${candidates.map((c) => c.caseId)}::uuid[]) as q(kind, value, entity, case_id)
    join identifiers i on i.kind = q.kind and i.value = q.value and i.entity_id <> q.entity
    where not exists (select 1 from non_correlating_identifiers n where n.kind = q.kind and n.value = q.value)
      and not (i.entity_id = any(${[...new Set(candidates.map((c) => c.entityId))]}::uuid[]) and i.entity_id > q.entity)
    order by q.entity, i.entity_id, i.kind, i.value, i.created_at
  `.execute(trx);
  const perIdentifier = new Map<string, number>();
  const rows = matches.rows.filter((row) => {
    const key = `${row.kind}\u0000${row.value}\u0000${row.q_entity}`;
    const count = (perIdentifier.get(key) ?? 0) + 1;
    perIdentifier.set(key, count);
    return count <= MAX_MATCHES_PER_IDENTIFIER;
  });
  if (rows.length === 0) return { hits: [], events: [] };
  const hits: RaisedHit[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const inserted = await trx
      .insertInto('hits')
      .values(
        rows.slice(i, i + INSERT_BATCH).map((row) => ({
          kind: row.kind,
          value: row.value,
          entity_id: row.q_entity,
          case_id: row.q_case,
          matched_entity_id: row.entity_id,
          matched_case_id: row.case_id,
          raised_by: actor.userId,
        })),
      )
      .returning(['id', 'kind', 'entity_id', 'case_id', 'matched_entity_id', 'matched_case_id'])
      .execute();
    hits.push(
      ...inserted.map((h) => ({
        id: h.id,
        kind: h.kind,
        entityId: h.entity_id,
        caseId: h.case_id,
        matchedEntityId: h.matched_entity_id,
        matchedCaseId: h.matched_case_id,
      })),
    );
  }
  // One audit entry per hit for ordinary entry; one summary entry for a bulk load so the chain stays short.
  const audited = hits.length <= 20 ? hits.map((hit) => [hit]) : [hits];
  for (const group of audited) {
    await appendAudit(trx, {
      actorId: actor.via === 'system' ? null : actor.userId,
      actorAgency: actor.agencyCode,
      action: 'hit.raised',
      recordType: 'hit',
      recordId: group[0]!.id,
      ip: ctx.ip,
      details:
        group.length === 1
          ? { kind: group[0]!.kind, entityId: group[0]!.entityId, matchedEntityId: group[0]!.matchedEntityId }
          : { count: group.length, hitIds: group.slice(0, 100).map((h) => h.id) },
    });
  }
  return { hits, events: await hitEvents(trx, hits) };
}

/** Who learns of a hit at once: the agencies owning either side and the officers assigned to either case. */
async function hitEvents(trx: Tx, hits: readonly RaisedHit[]): Promise<LiveEvent[]> {
  const caseIds = [
    ...new Set(hits.flatMap((h) => [h.caseId, h.matchedCaseId]).filter((id): id is string => id !== null)),
  ];
  const entityIds = [...new Set(hits.flatMap((h) => [h.entityId, h.matchedEntityId]))];
  const cases = caseIds.length
    ? await trx
        .selectFrom('cases')
        .innerJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
        .select(['cases.id', 'agencies.code', 'cases.assigned_officer_ids'])
        .where('cases.id', 'in', caseIds)
        .execute()
    : [];
  const entities = await trx
    .selectFrom('entities')
    .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
    .select(['entities.id', 'agencies.code'])
    .where('entities.id', 'in', entityIds)
    .execute();
  const caseOf = new Map(cases.map((c) => [c.id, c]));
  const agencyOfEntity = new Map(entities.map((e) => [e.id, e.code]));
  return hits.slice(0, 200).map((hit) => {
    const sides = [hit.caseId, hit.matchedCaseId].map((id) => (id ? caseOf.get(id) : undefined));
    const agencyCodes = new Set<string>(
      [
        agencyOfEntity.get(hit.entityId),
        agencyOfEntity.get(hit.matchedEntityId),
        ...sides.map((c) => c?.code),
      ].filter((c): c is string => !!c),
    );
    const userIds = sides.flatMap((c) => c?.assigned_officer_ids ?? []);
    return {
      type: 'hit.raised',
      audience: { agencyCodes: [...agencyCodes], userIds, permission: 'entities.read' },
      // Ids and the kind only: never the identifier itself or a name.
      payload: {
        hitId: hit.id,
        kind: hit.kind,
        caseIds: [hit.caseId, hit.matchedCaseId].filter((id) => id !== null),
      },
    };
  });
}

export async function publishAll(ctx: Ctx, events: readonly LiveEvent[]): Promise<void> {
  for (const event of events) {
    try {
      await ctx.app.events.publish(event);
    } catch (error) {
      ctx.app.log.warn({ err: error, type: event.type }, 'live event not published');
    }
  }
}
