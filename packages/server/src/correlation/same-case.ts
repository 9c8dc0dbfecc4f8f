import { type RawBuilder, sql } from 'kysely';

/**
 * Whether two entities are records of one case: placed in the same joint case (`case_entities`) or named by the
 * same rescue report (`rescue_entities`). No hit is raised or listed between them: the case team already has
 * both in front of them.
 */
export function sameCase(a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(exists (select 1 from case_entities sca join case_entities scb on scb.case_id = sca.case_id
      where sca.entity_id = ${a} and scb.entity_id = ${b})
    or exists (select 1 from rescue_entities sra join rescue_entities srb on srb.rescue_case_id = sra.rescue_case_id
      where sra.entity_id = ${a} and srb.entity_id = ${b}))`;
}
