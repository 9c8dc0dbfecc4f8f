import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The knowledge graph: entities, links, entities in cases with role history, the identifier index that
// correlation reads, hits, access requests, person-match decisions and saved link charts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table entities (
      id uuid primary key default gen_random_uuid(),
      type text not null,
      properties jsonb not null,
      caption text not null,
      search_text text not null default '',
      owner_agency_id uuid not null references agencies(id),
      tlp text not null default 'AMBER',
      handling_code text not null default 'H0',
      markings jsonb,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    --;
    create index entities_type_idx on entities (type, created_at desc);
    --;
    create index entities_owner_idx on entities (owner_agency_id);
    --;
    create index entities_search_trgm_idx on entities using gin (search_text gin_trgm_ops);
    --;
    create table links (
      id uuid primary key default gen_random_uuid(),
      type text not null,
      source_id uuid not null references entities(id),
      target_id uuid not null references entities(id),
      properties jsonb not null default '{}',
      valid_from text,
      valid_to text,
      confidence real,
      markings jsonb,
      owner_agency_id uuid not null references agencies(id),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    --;
    create index links_source_idx on links (source_id, type);
    --;
    create index links_target_idx on links (target_id, type);
    --;
    create table case_entities (
      case_id uuid not null references cases(id),
      entity_id uuid not null references entities(id),
      role text,
      role_history jsonb not null default '[]',
      added_by uuid not null references users(id),
      added_at timestamptz not null default now(),
      primary key (case_id, entity_id)
    );
    --;
    create index case_entities_entity_idx on case_entities (entity_id);
    --;
    create table identifiers (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      value text not null,
      raw text not null,
      display text not null,
      valid boolean not null,
      problem text,
      property text not null,
      entity_id uuid not null references entities(id),
      case_id uuid references cases(id),
      created_at timestamptz not null default now()
    );
    --;
    create index identifiers_kind_value_idx on identifiers (kind, value);
    --;
    create index identifiers_entity_idx on identifiers (entity_id);
    --;
    create table non_correlating_identifiers (
      kind text not null,
      value text not null,
      reason text not null,
      marked_by uuid not null references users(id),
      marked_at timestamptz not null default now(),
      primary key (kind, value)
    );
    --;
    create table hits (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      value text not null,
      entity_id uuid not null references entities(id),
      case_id uuid references cases(id),
      matched_entity_id uuid not null references entities(id),
      matched_case_id uuid references cases(id),
      raised_by uuid not null references users(id),
      raised_at timestamptz not null default now()
    );
    --;
    create index hits_case_idx on hits (case_id, raised_at desc);
    --;
    create index hits_matched_case_idx on hits (matched_case_id, raised_at desc);
    --;
    create index hits_entity_idx on hits (entity_id);
    --;
    create index hits_matched_entity_idx on hits (matched_entity_id);
    --;
    create table access_requests (
      id uuid primary key default gen_random_uuid(),
      hit_id uuid not null references hits(id),
      requester_id uuid not null references users(id),
      requester_agency_id uuid not null references agencies(id),
      owner_agency_id uuid not null references agencies(id),
      entity_id uuid not null references entities(id),
      case_id uuid references cases(id),
      reason text not null,
      status text not null default 'pending',
      decided_by uuid references users(id),
      decided_at timestamptz,
      created_at timestamptz not null default now()
    );
    --;
    create index access_requests_owner_idx on access_requests (owner_agency_id, status, created_at desc);
    --;
    create table person_match_decisions (
      id uuid primary key default gen_random_uuid(),
      entity_a_id uuid not null references entities(id),
      entity_b_id uuid not null references entities(id),
      decision text not null,
      reason text not null,
      score real not null,
      link_id uuid references links(id),
      decided_by uuid not null references users(id),
      decided_at timestamptz not null default now(),
      unique (entity_a_id, entity_b_id),
      check (entity_a_id < entity_b_id)
    );
    --;
    create table link_charts (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      owner_id uuid not null references users(id),
      agency_id uuid not null references agencies(id),
      node_ids uuid[] not null,
      positions jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    --;
    create index link_charts_owner_idx on link_charts (owner_id, updated_at desc);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists link_charts;
    --;
    drop table if exists person_match_decisions;
    --;
    drop table if exists access_requests;
    --;
    drop table if exists hits;
    --;
    drop table if exists non_correlating_identifiers;
    --;
    drop table if exists identifiers;
    --;
    drop table if exists case_entities;
    --;
    drop table if exists links;
    --;
    drop table if exists entities;
  `,
  );
}
