import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Joint case files. Tasks, notes, attachments and the timeline hang off `cases`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    create table case_number_counters (
      agency_code text not null,
      year integer not null,
      last_seq integer not null,
      primary key (agency_code, year)
    );
    --;
    create table cases (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      owner_agency_id uuid not null references agencies(id),
      lead_agency text not null,
      title text not null,
      summary text not null default '',
      language text not null,
      crime_types text[] not null,
      status text not null default 'open',
      close_reason text,
      priority text not null default 'normal',
      tlp text not null,
      handling_code text not null,
      handling_note text,
      participating_unit_ids uuid[] not null default '{}',
      assigned_officer_ids uuid[] not null default '{}',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    --;
    create index cases_status_idx on cases (status, created_at desc, id);
    --;
    create index cases_created_idx on cases (created_at desc, id);
    --;
    create index cases_owner_idx on cases (owner_agency_id, created_at desc);
    --;
    create index cases_crime_types_idx on cases using gin (crime_types);
    --;
    create index cases_assigned_idx on cases using gin (assigned_officer_ids);
    --;
    create index cases_title_trgm_idx on cases using gin (title gin_trgm_ops);
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `
    drop table if exists cases;
    --;
    drop table if exists case_number_counters;
  `);
}
