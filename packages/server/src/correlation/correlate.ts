import { type Actor, actingUserId } from '@liaison/core';
import { sql } from 'kysely';
import { appendAuditBatch } from '../audit/audit-repository.ts';
import type { Ctx, Tx } from '../context.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import type { IndexedIdentifier } from '../graph/entities/entity-index.ts';
import { sameCase } from './same-case.ts';

export interface NewIdentifier extends IndexedIdentifier {
  entityId: string;
  caseId: string | null;
  /** The rescue case a report's identifier came from (its entity is in no joint case): no hit within it. */
  rescueCaseId?: string | null;
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
// Up to this many hits in one call, each hit has its own audit entry; beyond, one entry names them all.
const AUDIT_EACH_UP_TO = 20;

/**
 * Whether an identifier's key raises hits: a valid one, or a phone number the phone library calls invalid but
 * kept by its digits (details.key 'digits': its length and prefix are in use, only the exact range is unknown to
 * the library's metadata). The hit shows the identifier flagged, with its problem.
 */
export function raisesHits(identifier: Pick<IndexedIdentifier, 'valid' | 'details'>): boolean {
  return identifier.valid || identifier.details?.key === 'digits';
}

/**
 * Indexes identifiers and raises a hit, in the caller's transaction, for every identifier that raises hits
 * (`raisesHits`) and that another entity already carries (unless marked as not correlating). Returns the hits and the live events to publish
 * once the transaction commits.
 *
 * Never between records of the same case (`sameCase`): the case team entered both, a hit would only tell them
 * what they wrote — five spellings of one phone in a case made a case full of hits against itself.
 *
 * The match reads the index alone, with no entity join: a deleted entity's identifiers left the index when it
 * was deleted (the tombstone rule, `entities/visibility.ts`), so it is never matched. A hit raised against an
 * entity deleted by a transaction committing meanwhile is left out of every hit list by the same rule.
 */
export async function indexAndCorrelate(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  identifiers: readonly NewIdentifier[],
): Promise<{ hits: RaisedHit[]; events: LiveEvent[] }> {
  if (identifiers.length === 0) return { hits: [], events: [] };
  // One statement whatever the batch size: column arrays, not a row of parameters per identifier.
  await sql`
    insert into identifiers (kind, value, raw, display, valid, problem, details, property, entity_id, case_id)
    select u.kind, u.value, u.raw, u.display, u.valid, u.problem, u.details::jsonb, u.property, u.entity_id, u.case_id
    from unnest(${identifiers.map((id) => id.kind)}::text[], ${identifiers.map((id) => id.value)}::text[],
      ${identifiers.map((id) => id.raw)}::text[], ${identifiers.map((id) => id.display)}::text[],
      ${identifiers.map((id) => id.valid)}::boolean[], ${identifiers.map((id) => id.problem ?? null)}::text[],
      ${identifiers.map((id) => (id.details ? JSON.stringify(id.details) : null))}::text[],
      ${identifiers.map((id) => id.property)}::text[], ${identifiers.map((id) => id.entityId)}::uuid[],
      ${identifiers.map((id) => id.caseId)}::uuid[])
      as u(kind, value, raw, display, valid, problem, details, property, entity_id, case_id)
  `.execute(trx);
  const candidates = identifiers.filter(raisesHits);
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
                ${candidates.map((c) => c.entityId)}::uuid[], ${candidates.map((c) => c.caseId)}::uuid[],
                ${candidates.map((c) => c.rescueCaseId ?? null)}::uuid[]) as q(kind, value, entity, case_id, rescue_case_id)
    join identifiers i on i.kind = q.kind and i.value = q.value and i.entity_id <> q.entity
    where not exists (select 1 from non_correlating_identifiers n where n.kind = q.kind and n.value = q.value)
      and not (i.entity_id = any(${[...new Set(candidates.map((c) => c.entityId))]}::uuid[]) and i.entity_id > q.entity)
      and not ${sameCase(sql.ref('q.entity'), sql.ref('i.entity_id'))}
      and not (q.case_id is not null and i.case_id is not distinct from q.case_id)
      and not (q.rescue_case_id is not null and exists (select 1 from rescue_entities r
        where r.entity_id = i.entity_id and r.rescue_case_id = q.rescue_case_id))
    order by q.entity, i.entity_id, i.kind, i.value, i.created_at
  `.execute(trx);
  // Two identifiers of one rescue report in this batch: their rescue case records them only after this call.
  const rescueCaseOf = new Map(candidates.map((c) => [c.entityId, c.rescueCaseId ?? null]));
  const perIdentifier = new Map<string, number>();
  const rows = matches.rows.filter((row) => {
    const rescueCase = rescueCaseOf.get(row.q_entity);
    if (rescueCase && rescueCaseOf.get(row.entity_id) === rescueCase) return false;
    const key = `${row.kind}\u0000${row.value}\u0000${row.q_entity}`;
    const count = (perIdentifier.get(key) ?? 0) + 1;
    perIdentifier.set(key, count);
    return count <= MAX_MATCHES_PER_IDENTIFIER;
  });
  if (rows.length === 0) return { hits: [], events: [] };
  const inserted = await sql<{
    id: string;
    kind: string;
    entity_id: string;
    case_id: string | null;
    matched_entity_id: string;
    matched_case_id: string | null;
  }>`
    insert into hits (kind, value, entity_id, case_id, matched_entity_id, matched_case_id, raised_by)
    select u.kind, u.value, u.entity_id, u.case_id, u.matched_entity_id, u.matched_case_id, ${actor.userId}::uuid
    from unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.value)}::text[], ${rows.map((r) => r.q_entity)}::uuid[],
      ${rows.map((r) => r.q_case)}::uuid[], ${rows.map((r) => r.entity_id)}::uuid[], ${rows.map((r) => r.case_id)}::uuid[])
      with ordinality as u(kind, value, entity_id, case_id, matched_entity_id, matched_case_id, n)
    order by u.n
    returning id, kind, entity_id, case_id, matched_entity_id, matched_case_id
  `.execute(trx);
  const hits: RaisedHit[] = inserted.rows.map((h) => ({
    id: h.id,
    kind: h.kind,
    entityId: h.entity_id,
    caseId: h.case_id,
    matchedEntityId: h.matched_entity_id,
    matchedCaseId: h.matched_case_id,
  }));
  // Every hit is in the audit trail, in one chained append: an entry per hit for ordinary entry (findable by the
  // hit's id), one entry naming every hit for a bulk load (hashing an entry per hit would cost more than the
  // correlation itself, and keep the chain short).
  const audited = hits.length <= AUDIT_EACH_UP_TO ? hits.map((hit) => [hit]) : [hits];
  await appendAuditBatch(
    trx,
    audited.map((group) => ({
      actorId: actingUserId(actor),
      actorAgency: actor.agencyCode,
      action: 'hit.raised',
      recordType: 'hit',
      recordId: group[0]!.id,
      ip: ctx.ip,
      details:
        group.length === 1
          ? { kind: group[0]!.kind, entityId: group[0]!.entityId, matchedEntityId: group[0]!.matchedEntityId }
          : { count: group.length, hitIds: group.map((h) => h.id) },
    })),
  );
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
