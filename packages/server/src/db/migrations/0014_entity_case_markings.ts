import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Entities take the TLP of a stricter case of their own agency (entities/case-markings.ts does it for every
// write from now on); this raises those entered before, e.g. an AMBER person in a RED case. The markings they
// had are kept in entity_tlp_before_0014 (no foreign key: a peer's entities may be dropped), so `down` puts
// them back where nothing raised them further since.
const strictestFirst = `array['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR']::text[]`;
const rank = (tlp: string) => `array_position(${strictestFirst}, ${tlp})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table entity_tlp_before_0014 (
      entity_id uuid primary key,
      tlp text not null,
      markings jsonb,
      raised_to text not null
    );
    --;
    insert into entity_tlp_before_0014 (entity_id, tlp, markings, raised_to)
    select e.id, e.tlp, e.markings, (${strictestFirst})[min(${rank('c.tlp')})]
    from entities e
    join case_entities ce on ce.entity_id = e.id
    join cases c on c.id = ce.case_id and c.owner_agency_id = e.owner_agency_id
    where e.deleted_at is null
    group by e.id, e.tlp, e.markings
    having min(${rank('c.tlp')}) < ${rank('e.tlp')};
    --;
    update entities set
      tlp = b.raised_to,
      markings = case when entities.markings is null then null
        else jsonb_set(entities.markings, '{tlp}', to_jsonb(b.raised_to)) end,
      version = entities.version + 1
    from entity_tlp_before_0014 b
    where entities.id = b.entity_id;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    update entities set tlp = b.tlp, markings = b.markings
    from entity_tlp_before_0014 b
    where entities.id = b.entity_id and entities.tlp = b.raised_to;
    --;
    drop table if exists entity_tlp_before_0014;
    `,
  );
}
