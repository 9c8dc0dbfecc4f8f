import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The fugitive register (fugitives/README.md): wanted persons with their warrant, Interpol notice and passport,
// the life cycle as an append-only history of steps, sightings and tips with the 4x4 evaluation, and the
// photos and documents (kept in the file store by SHA-256). A passport is on file once; the flag job writes
// `flags` (expiring warrants, stalled steps).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table fugitive_counters (
      agency_code text not null,
      year integer not null,
      last_seq integer not null,
      primary key (agency_code, year)
    );
    --;
    create table fugitives (
      id uuid primary key default gen_random_uuid(),
      agency_code text not null,
      reference text not null unique,
      person_entity_id uuid,
      names jsonb not null,
      name_keys text[] not null default '{}',
      birth_date date,
      nationality text not null,
      sex text,
      passport_number text,
      passport_display text,
      passport_status text,
      passport_status_on date,
      warrant jsonb,
      interpol jsonb,
      danger_markers jsonb not null default '[]',
      crime_types text[] not null default '{}',
      description text not null default '',
      linked_case_ids uuid[] not null default '{}',
      linked_entity_ids uuid[] not null default '{}',
      status text not null default 'wanted',
      status_changed_at timestamptz not null default now(),
      flags jsonb,
      tlp text not null,
      handling_code text not null,
      handling_note text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check ((passport_number is null) = (passport_status is null))
    );
    --;
    create unique index fugitives_passport_idx on fugitives (passport_number) where passport_number is not null;
    --;
    create index fugitives_status_idx on fugitives (status, status_changed_at);
    --;
    create index fugitives_birth_date_idx on fugitives (birth_date);
    --;
    create index fugitives_name_keys_idx on fugitives using gin (name_keys);
    --;
    create index fugitives_person_entity_idx on fugitives (person_entity_id) where person_entity_id is not null;
    --;
    create table fugitive_files (
      id uuid primary key default gen_random_uuid(),
      fugitive_id uuid not null references fugitives(id),
      kind text not null check (kind in ('photo', 'document')),
      filename text not null,
      media_type text not null,
      size_bytes bigint not null,
      sha256 text not null,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now()
    );
    --;
    create index fugitive_files_fugitive_idx on fugitive_files (fugitive_id, uploaded_at);
    --;
    create index fugitive_files_sha256_idx on fugitive_files (sha256);
    --;
    create table fugitive_sightings (
      id uuid primary key default gen_random_uuid(),
      fugitive_id uuid not null references fugitives(id),
      seen_at timestamptz not null,
      province text,
      place_text text not null default '',
      lat double precision,
      lon double precision,
      source text not null,
      source_detail text,
      reliability text not null check (reliability in ('A', 'B', 'C', 'X')),
      accuracy text not null check (accuracy in ('1', '2', '3', '4')),
      description text not null,
      document_ids uuid[] not null default '{}',
      verification text not null default 'unverified'
        check (verification in ('unverified', 'confirmed', 'discounted')),
      verified_by uuid references users(id),
      verified_at timestamptz,
      verification_note text,
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now()
    );
    --;
    create index fugitive_sightings_fugitive_idx on fugitive_sightings (fugitive_id, seen_at);
    --;
    create table fugitive_steps (
      id uuid primary key default gen_random_uuid(),
      fugitive_id uuid not null references fugitives(id),
      seq integer not null,
      from_state text,
      state text not null,
      occurred_at timestamptz not null,
      acted_by text,
      note text,
      reason text,
      details jsonb not null default '{}',
      document_ids uuid[] not null default '{}',
      sighting_id uuid references fugitive_sightings(id),
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now(),
      unique (fugitive_id, seq)
    );
    --;
    create index fugitive_steps_state_idx on fugitive_steps (state, occurred_at);
    --;

    -- The history is append-only: a step once recorded is never changed or removed; the database refuses too.
    create function fugitive_steps_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'fugitive_steps is append-only';
    end $$;
    --;
    create trigger fugitive_steps_no_update before update or delete on fugitive_steps
      for each row execute function fugitive_steps_append_only();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop trigger if exists fugitive_steps_no_update on fugitive_steps;
    --;
    drop function if exists fugitive_steps_append_only();
    --;
    drop table if exists fugitive_steps;
    --;
    drop table if exists fugitive_sightings;
    --;
    drop table if exists fugitive_files;
    --;
    drop table if exists fugitives;
    --;
    drop table if exists fugitive_counters;
  `,
  );
}
