import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Citizen protection: compounds, rescue cases with their reports, team, history, files and identifiers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table compounds (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      aliases text[] not null default '{}',
      province text not null,
      lat double precision,
      lon double precision,
      border_distance_km double precision,
      status text not null default 'active',
      notes text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    --;
    create index compounds_name_trgm_idx on compounds using gin (name gin_trgm_ops);
    --;
    create table rescue_counters (year integer primary key, last_seq integer not null);
    --;
    create table rescue_cases (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      state text not null default 'reported',
      state_entered_at timestamptz not null default now(),
      risk_level text not null,
      risk_assessment jsonb not null,
      risk_override jsonb,
      indicators text[] not null default '{}',
      person jsonb not null,
      location jsonb not null default '{}',
      compound_id uuid references compounds(id),
      first_channel text not null,
      consent boolean not null default false,
      consent_basis text,
      person_role text not null default 'victim',
      non_punishment boolean not null default false,
      screening jsonb,
      repatriation jsonb not null default '{}',
      identifiers jsonb not null default '[]',
      merged_into uuid references rescue_cases(id),
      escalated_state text,
      escalated_at timestamptz,
      owner_agency text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    --;
    create index rescue_cases_open_idx on rescue_cases (state, risk_level, created_at) where merged_into is null;
    --;
    create index rescue_cases_compound_idx on rescue_cases (compound_id);
    --;
    create table rescue_reports (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references rescue_cases(id),
      channel text not null,
      reporter jsonb not null,
      person jsonb not null,
      location jsonb not null default '{}',
      last_contact_at timestamptz,
      narrative text not null,
      ransom jsonb,
      indicators text[] not null default '{}',
      consent boolean not null,
      public_reference text unique,
      secret_hash text,
      additions jsonb not null default '[]',
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    --;
    create index rescue_reports_case_idx on rescue_reports (case_id, created_at);
    --;
    create table rescue_fingerprints (
      case_id uuid not null references rescue_cases(id),
      kind text not null,
      key text not null,
      primary key (case_id, kind, key)
    );
    --;
    create index rescue_fingerprints_key_idx on rescue_fingerprints (kind, key);
    --;
    create table rescue_team (
      case_id uuid not null references rescue_cases(id),
      user_id uuid not null references users(id),
      added_by uuid references users(id),
      added_at timestamptz not null default now(),
      primary key (case_id, user_id)
    );
    --;
    create table rescue_events (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references rescue_cases(id),
      at timestamptz not null default now(),
      actor_id uuid references users(id),
      kind text not null,
      from_state text,
      to_state text,
      reason text,
      details jsonb not null default '{}'
    );
    --;
    create index rescue_events_case_idx on rescue_events (case_id, at);
    --;
    create table rescue_files (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references rescue_cases(id),
      report_id uuid references rescue_reports(id),
      kind text not null,
      mime text not null,
      size integer not null,
      sha256 text not null,
      data bytea not null,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now()
    );
    --;
    create index rescue_files_case_idx on rescue_files (case_id, uploaded_at);
    --;
    create table rescue_entities (
      rescue_case_id uuid not null references rescue_cases(id),
      entity_id uuid not null references entities(id),
      source text not null,
      primary key (rescue_case_id, entity_id)
    );
    --;
    create index rescue_entities_entity_idx on rescue_entities (entity_id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists rescue_entities;
    --;
    drop table if exists rescue_files;
    --;
    drop table if exists rescue_events;
    --;
    drop table if exists rescue_team;
    --;
    drop table if exists rescue_fingerprints;
    --;
    drop table if exists rescue_reports;
    --;
    drop table if exists rescue_cases;
    --;
    drop table if exists rescue_counters;
    --;
    drop table if exists compounds;
  `,
  );
}
