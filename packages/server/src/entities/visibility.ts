import type { Actor } from '@liaison/core';
import { type RawBuilder, sql } from 'kysely';

/**
 * Who may see what, as SQL conditions, so every query of the graph filters in the data layer.
 * Cases: the owner agency, assigned officers and participating units. This is a narrow stand-in until the
 * case feature's own `visibleCases` lands; switch here and every graph query follows.
 */
export function caseVisible(actor: Actor, caseId: RawBuilder<unknown>): RawBuilder<boolean> {
  if (actor.via === 'system') return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from cases vc where vc.id = ${caseId} and (vc.owner_agency_id = ${actor.agencyId}
    or ${actor.userId}::uuid = any(vc.assigned_officer_ids) or ${actor.unitId}::uuid = any(vc.participating_unit_ids)))`;
}

/**
 * Entities: the owner agency, anyone for TLP CLEAR/GREEN, and anyone who may see a case the entity is in.
 * `alias` names the `entities` row in the surrounding query.
 */
export function entityVisible(actor: Actor, alias = 'entities'): RawBuilder<boolean> {
  if (actor.via === 'system') return sql<boolean>`true`;
  const e = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`(${e('owner_agency_id')} = ${actor.agencyId} or ${e('tlp')} in ('CLEAR', 'GREEN')
    or exists (select 1 from case_entities vce where vce.entity_id = ${e('id')} and ${caseVisible(actor, sql.ref('vce.case_id'))}))`;
}
