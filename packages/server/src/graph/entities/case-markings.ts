import {
  type Actor,
  actingUserId,
  isSystem,
  LiaisonError,
  type Tlp,
  tlpAtLeast,
  tlpLevels,
} from '@liaison/core';
import type { EntityInput } from '@liaison/core/graph/index';
import { sql } from 'kysely';
import { type AuditInput, appendAuditBatch } from '../../audit/audit-repository.ts';
import type { Ctx, Tx } from '../../context.ts';
import { announceEntities } from '../intake/announce.ts';

/*
 * Markings follow the containers. An entity in a case is at least as restricted as the case (its TLP is raised
 * when it is placed there, and when the case is raised later); a rescue case's graph entities keep the
 * marking intake gave them (the person's own phone and handles RED). Only the actor's own agency's entities
 * are raised: another agency's record keeps the marking its originator gave it, and that agency is not
 * restricted by our case (see the visibility rule). Lowering is the originator's to decide, never below
 * these floors (`assertMarkingChange`).
 */

/** The stricter of two TLP levels. */
export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return tlpAtLeast(a, b) ? a : b;
}

/** The TLP a rescue case's graph entity gets at intake: the person's own identifiers are theirs. */
export function rescueEntityTlp(source: string): Tlp {
  return source.startsWith('person.') ? 'RED' : 'AMBER';
}

/** A TLP level's rank in SQL: lower is stricter. */
const rank = (tlp: ReturnType<typeof sql.ref>) =>
  sql<number>`array_position(array[${sql.join(tlpLevels.map((level) => sql.lit(level)))}]::text[], ${tlp})`;

/**
 * Raises the actor's agency's live entities in a case (or just `entityIds` of them) to the case's TLP where the
 * case is stricter, in the caller's transaction: one audit entry per entity (`entity.tlp-raised`, from and to),
 * the new version told to federation. Returns the ids raised.
 */
export async function raiseToCaseTlp(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  entityIds?: readonly string[],
): Promise<string[]> {
  const only = entityIds ? sql`and e.id = any(${[...entityIds]}::uuid[])` : sql``;
  const raised = await sql<{ id: string; from_tlp: string; to_tlp: string }>`
    with stricter as (
      select e.id, e.tlp as from_tlp, c.tlp as to_tlp
      from case_entities ce
      join cases c on c.id = ce.case_id
      join entities e on e.id = ce.entity_id
      where ce.case_id = ${caseId} and e.deleted_at is null and e.owner_agency_id = ${actor.agencyId}
        and ${rank(sql.ref('c.tlp'))} < ${rank(sql.ref('e.tlp'))} ${only}
      for update of e
    )
    update entities set
      tlp = stricter.to_tlp,
      markings = case when entities.markings is null then null
        else jsonb_set(entities.markings, '{tlp}', to_jsonb(stricter.to_tlp)) end,
      updated_at = ${ctx.app.now()},
      version = entities.version + 1
    from stricter where entities.id = stricter.id
    returning entities.id, stricter.from_tlp, stricter.to_tlp
  `.execute(trx);
  if (raised.rows.length === 0) return [];
  const audits: AuditInput[] = raised.rows.map((row) => ({
    actorId: actingUserId(actor),
    actorAgency: actor.agencyCode,
    action: 'entity.tlp-raised',
    recordType: 'entity',
    recordId: row.id,
    ip: ctx.ip,
    details: { from: row.from_tlp, to: row.to_tlp, caseId },
  }));
  await appendAuditBatch(trx, audits);
  const ids = raised.rows.map((row) => row.id);
  await announceEntities(trx, ctx.app, ids);
  return ids;
}

/** The strictest TLP the entity's containers require of it: its cases' TLPs, its rescue cases' floor. */
export async function containerFloor(trx: Tx, entityId: string): Promise<Tlp | null> {
  const [cases, rescue] = await Promise.all([
    trx
      .selectFrom('case_entities')
      .innerJoin('cases', 'cases.id', 'case_entities.case_id')
      .select('cases.tlp')
      .where('case_entities.entity_id', '=', entityId)
      .execute(),
    trx.selectFrom('rescue_entities').select('source').where('entity_id', '=', entityId).execute(),
  ]);
  const floors = [...cases.map((c) => c.tlp as Tlp), ...rescue.map((r) => rescueEntityTlp(r.source))];
  return floors.length ? floors.reduce(stricterTlp) : null;
}

/**
 * A change of an entity's markings. The actor already sees the entity and is of the agency that owns it
 * (`lockOwnEntity`). The information's originator (`markings.originAgency`, once the entity carries markings)
 * stays what it was, so no one claims the authority below. Lowering the TLP needs the originator's authority
 * (the actor's agency is the originator) and stays within what the entity's containers require.
 */
export async function assertMarkingChange(
  trx: Tx,
  actor: Actor,
  entity: { id: string; tlp: string; markings: unknown },
  next: { tlp: Tlp; originAgency: string },
): Promise<{ lowered: boolean }> {
  const origin = (entity.markings as { originAgency?: string } | null)?.originAgency;
  if (origin && next.originAgency !== origin)
    throw new LiaisonError(
      'forbidden',
      `This information came from ${origin}; its originator stays ${origin}.`,
    );
  if (tlpAtLeast(next.tlp, entity.tlp as Tlp)) return { lowered: false };
  if (!isSystem(actor) && origin && origin !== actor.agencyCode)
    throw new LiaisonError(
      'forbidden',
      `This information came from ${origin}; only ${origin} may lower its marking.`,
    );
  await assertWithinFloor(trx, entity.id, next.tlp);
  return { lowered: true };
}

async function assertWithinFloor(trx: Tx, entityId: string, to: Tlp): Promise<void> {
  const floor = await containerFloor(trx, entityId);
  if (floor && !tlpAtLeast(to, floor))
    throw new LiaisonError(
      'invalid-input',
      `A case or rescue case this entity is in needs at least ${floor}.`,
      {
        fields: [
          {
            path: '/markings/tlp',
            message: `At least ${floor} while the entity is in a case or rescue case marked so`,
            code: 'invalid_value',
            params: { values: tlpLevels.filter((level) => tlpAtLeast(level, floor)) },
            specific: true,
          },
        ],
      },
    );
}

/** The markings an entity entered in a case gets: what it asked for, or the case's TLP where that is stricter. */
export function markingsInCase(
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
    handlingCode: asked?.handlingCode ?? inherited?.handling_code ?? 'H0',
    markings: asked ? { ...asked, tlp } : null,
  };
}
