import { type Actor, authorize, can, LiaisonError } from '@liaison/core';
import type {
  AccessRequest,
  AccessRequestCreated,
  AccessRequestDecided,
  Hit,
  HitSide,
} from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import { assertCaseVisible } from '../graph/entities/entity-reads.ts';
import { casesInScopeVisible, entityVisible, noneDeleted } from '../graph/entities/visibility.ts';
import { sameCase } from './same-case.ts';

/** A hit both of whose entities are live; one naming a deleted entity is neither listed nor shown. */
const hitLive = noneDeleted(sql.ref('hits.entity_id'), sql.ref('hits.matched_entity_id'));
/**
 * A hit raised before both its records were in one case (an entity added to the case later) says nothing the
 * case team does not know: it leaves the lists, as no such hit is raised any more (`correlate.ts`).
 */
const hitAcrossCases = sql<boolean>`not ${sameCase(sql.ref('hits.entity_id'), sql.ref('hits.matched_entity_id'))}`;
/** An access request goes with its hit: when the hit leaves the lists, so does the request. */
const requestLive = sql<boolean>`exists (select 1 from hits where hits.id = access_requests.hit_id and ${hitLive})`;

interface HitRow {
  id: string;
  kind: string;
  value: string;
  entity_id: string;
  case_id: string | null;
  matched_entity_id: string;
  matched_case_id: string | null;
  raised_at: Date;
}

async function sideViews(db: Db, actor: Actor, hits: readonly HitRow[]) {
  const entityIds = [...new Set(hits.flatMap((h) => [h.entity_id, h.matched_entity_id]))];
  const caseIds = [
    ...new Set(hits.flatMap((h) => [h.case_id, h.matched_case_id]).filter((id): id is string => id !== null)),
  ];
  // Each side's details with whether the actor may see it, one statement per table.
  const [entities, cases, rescueCases] = await Promise.all([
    entityIds.length
      ? db
          .selectFrom('entities')
          .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
          .select(['entities.id', 'entities.type', 'entities.caption', 'agencies.code'])
          .select(entityVisible(actor).as('visible'))
          .where('entities.id', 'in', entityIds)
          .execute()
      : [],
    caseIds.length
      ? db
          .selectFrom('cases')
          .innerJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
          .select(['cases.id', 'cases.number', 'cases.title', 'agencies.code'])
          .select((eb) => sql<boolean>`${casesInScopeVisible(actor)(eb)}`.as('visible'))
          .where('cases.id', 'in', caseIds)
          .execute()
      : [],
    // The rescue case a report's record came from: its reference, as the rescue board shows it.
    can(actor, 'rescue.read') && entityIds.length
      ? db
          .selectFrom('rescue_entities')
          .innerJoin('rescue_cases', 'rescue_cases.id', 'rescue_entities.rescue_case_id')
          .select(['rescue_entities.entity_id', 'rescue_cases.id', 'rescue_cases.reference'])
          .where('rescue_entities.entity_id', 'in', entityIds)
          .execute()
      : [],
  ]);
  const entity = new Map(entities.map((e) => [e.id, e]));
  const rescueCaseOf = new Map(rescueCases.map((r) => [r.entity_id, { id: r.id, reference: r.reference }]));
  const kase = new Map(cases.map((c) => [c.id, c]));
  return (entityId: string, caseId: string | null): HitSide => {
    const e = entity.get(entityId)!;
    const c = caseId ? kase.get(caseId) : undefined;
    // A side is shown only when both its entity and its case may be seen; otherwise only that it exists.
    const visible = Boolean(e.visible) && (!caseId || Boolean(c?.visible));
    if (!visible) return { restricted: true as const, ownerAgency: c?.code ?? e.code };
    return {
      restricted: false as const,
      ownerAgency: e.code,
      entity: { id: e.id, type: e.type, caption: e.caption },
      case: c ? { id: c.id, number: c.number, title: c.title, ownerAgency: c.code } : null,
      rescueCase: rescueCaseOf.get(e.id) ?? null,
    };
  };
}

/**
 * Hits the actor is party to: at least one side is theirs to see. The other side shows its details only when
 * it may be seen too; otherwise just that a restricted record matches and whose it is.
 */
export async function listHits(
  ctx: Ctx,
  actor: Actor,
  filter: { caseId?: string | undefined; entityId?: string | undefined; limit: number },
) {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  if (filter.caseId) await assertCaseVisible(db, actor, filter.caseId);
  let query = db
    .selectFrom('hits')
    .select([
      'id',
      'kind',
      'value',
      'entity_id',
      'case_id',
      'matched_entity_id',
      'matched_case_id',
      'raised_at',
    ]);
  // A hit naming a deleted entity stays for the record but leaves the lists (the tombstone rule).
  query = query.where(hitLive).where(hitAcrossCases);
  if (filter.caseId)
    query = query.where((eb) =>
      eb.or([eb('case_id', '=', filter.caseId!), eb('matched_case_id', '=', filter.caseId!)]),
    );
  if (filter.entityId)
    query = query.where((eb) =>
      eb.or([eb('entity_id', '=', filter.entityId!), eb('matched_entity_id', '=', filter.entityId!)]),
    );
  if (!filter.caseId) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('entities')
            .select('id')
            .whereRef('entities.id', '=', 'hits.entity_id')
            .where(entityVisible(actor)),
        ),
        eb.exists(
          eb
            .selectFrom('entities')
            .select('id')
            .whereRef('entities.id', '=', 'hits.matched_entity_id')
            .where(entityVisible(actor)),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('raised_at', 'desc').limit(filter.limit).execute();
  return presentHits(db, actor, rows);
}

async function presentHits(db: Db, actor: Actor, rows: HitRow[]): Promise<Hit[]> {
  const view = await sideViews(db, actor, rows);
  return rows.map((hit): Hit => {
    const own = view(hit.entity_id, hit.case_id);
    const matched = view(hit.matched_entity_id, hit.matched_case_id);
    return {
      id: hit.id,
      kind: hit.kind,
      // The identifier itself only for someone who may see at least one side carrying it.
      value: own.restricted && matched.restricted ? null : hit.value,
      raisedAt: hit.raised_at.toISOString(),
      sides: [own, matched],
    };
  });
}

export async function getHit(ctx: Ctx, actor: Actor, hitId: string): Promise<Hit> {
  authorize(actor, 'entities.read');
  const row = await ctx.app.db
    .selectFrom('hits')
    .selectAll()
    .where('id', '=', hitId)
    .where(hitLive)
    .executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such hit.');
  const [hit] = await presentHits(ctx.app.db, actor, [row]);
  if (hit!.sides.every((side) => side.restricted)) throw new LiaisonError('not-found', 'No such hit.');
  return hit!;
}

/** Asks the owner of a restricted record matched by a hit for access; the owner's agency learns it live. */
export async function requestAccess(
  ctx: Ctx,
  actor: Actor,
  hitId: string,
  reason: string,
): Promise<AccessRequestCreated> {
  authorize(actor, 'entities.read');
  const hit = await getHit(ctx, actor, hitId);
  const row = await ctx.app.db
    .selectFrom('hits')
    .selectAll()
    .where('id', '=', hitId)
    .executeTakeFirstOrThrow();
  const restrictedIndex = hit.sides.findIndex((side) => side.restricted);
  if (restrictedIndex < 0)
    throw new LiaisonError('conflict', 'You may already see both records of this hit.');
  const entityId = restrictedIndex === 0 ? row.entity_id : row.matched_entity_id;
  const caseId = restrictedIndex === 0 ? row.case_id : row.matched_case_id;
  const owner = await ctx.app.db
    .selectFrom(caseId ? 'cases' : 'entities')
    .innerJoin('agencies', 'agencies.id', caseId ? 'cases.owner_agency_id' : 'entities.owner_agency_id')
    .select(['agencies.id', 'agencies.code'])
    .where(caseId ? 'cases.id' : 'entities.id', '=', caseId ?? entityId)
    .executeTakeFirstOrThrow();
  const request = await withAudit(ctx.app.db, async (trx) => {
    const created = await trx
      .insertInto('access_requests')
      .values({
        hit_id: hitId,
        requester_id: actor.userId,
        requester_agency_id: actor.agencyId,
        owner_agency_id: owner.id,
        entity_id: entityId,
        case_id: caseId,
        reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'access-request.created',
      { type: 'access_request', id: created.id },
      { hitId, ownerAgency: owner.code },
    );
    return created;
  });
  await ctx.app.events.publish({
    type: 'access-request.created',
    audience: { agencyCodes: [owner.code], permission: 'cases.write' },
    payload: { accessRequestId: request.id, hitId },
  });
  return {
    id: request.id,
    hitId,
    ownerAgency: owner.code,
    status: request.status,
    createdAt: request.created_at.toISOString(),
  };
}

/** Requests to the actor's agency and requests the actor made. */
export async function listAccessRequests(ctx: Ctx, actor: Actor): Promise<AccessRequest[]> {
  authorize(actor, 'entities.read');
  const rows = await ctx.app.db
    .selectFrom('access_requests')
    .innerJoin('agencies as requester', 'requester.id', 'access_requests.requester_agency_id')
    .innerJoin('agencies as owner', 'owner.id', 'access_requests.owner_agency_id')
    .innerJoin('users', 'users.id', 'access_requests.requester_id')
    .select([
      'access_requests.id',
      'access_requests.hit_id',
      'access_requests.entity_id',
      'access_requests.case_id',
      'access_requests.reason',
      'access_requests.status',
      'access_requests.created_at',
      'requester.code as requesterAgency',
      'owner.code as ownerAgency',
      'users.display_name as requesterName',
      'access_requests.requester_id',
    ])
    .where((eb) =>
      eb.or([
        eb('access_requests.owner_agency_id', '=', actor.agencyId),
        eb('access_requests.requester_id', '=', actor.userId),
      ]),
    )
    .where(requestLive)
    .orderBy('access_requests.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    hitId: r.hit_id,
    direction: r.ownerAgency === actor.agencyCode ? ('incoming' as const) : ('outgoing' as const),
    entityId: r.ownerAgency === actor.agencyCode ? r.entity_id : null,
    caseId: r.ownerAgency === actor.agencyCode ? r.case_id : null,
    reason: r.reason,
    status: r.status,
    requesterAgency: r.requesterAgency,
    requesterName: r.requesterName,
    ownerAgency: r.ownerAgency,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The owner agency answers a request; the requester learns it live. Granting shares the case with the requester. */
export async function decideAccessRequest(
  ctx: Ctx,
  actor: Actor,
  id: string,
  decision: 'granted' | 'refused',
): Promise<AccessRequestDecided> {
  authorize(actor, 'cases.write');
  const result = await withAudit(ctx.app.db, async (trx) => {
    const request = await trx
      .selectFrom('access_requests')
      .selectAll()
      .where('id', '=', id)
      .where(requestLive)
      .forUpdate()
      .executeTakeFirst();
    if (!request || request.owner_agency_id !== actor.agencyId)
      throw new LiaisonError('not-found', 'No such access request for your agency.');
    if (request.status !== 'pending')
      throw new LiaisonError('invalid-transition', `The request is already ${request.status}.`);
    await trx
      .updateTable('access_requests')
      .set({ status: decision, decided_by: actor.userId, decided_at: ctx.app.now() })
      .where('id', '=', id)
      .execute();
    if (decision === 'granted' && request.case_id) {
      await sql`update cases set assigned_officer_ids = array_append(assigned_officer_ids, ${request.requester_id}::uuid) where id = ${request.case_id} and not (${request.requester_id}::uuid = any(assigned_officer_ids))`.execute(
        trx,
      );
    }
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      `access-request.${decision}`,
      { type: 'access_request', id: id },
      { hitId: request.hit_id },
    );
    return request;
  });
  await ctx.app.events.publish({
    type: 'access-request.decided',
    audience: { userIds: [result.requester_id] },
    payload: { accessRequestId: id, decision },
  });
  return { id, status: decision };
}
