import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Joint case files. Tasks, notes, attachments and the timeline hang off `cases`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
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
      -- Sorting by priority means by rank, not by the word; kept as a column so keyset pagination can use an index.
      priority_rank smallint generated always as (
        case priority when 'low' then 1 when 'normal' then 2 when 'high' then 3 when 'critical' then 4 else 0 end
      ) stored,
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
    --;
    -- Keyset pagination: one index per sort order, each ending in id so the cursor is unique.
    create index cases_updated_idx on cases (updated_at desc, id desc);
    --;
    create index cases_priority_idx on cases (priority_rank desc, updated_at desc, id desc);
    --;
    create index cases_number_idx on cases (number, id);
    --;
    create index cases_title_sort_idx on cases (title, id);
    --;
    create index cases_lead_agency_idx on cases (lead_agency, updated_at desc);
    --;
    create index cases_units_idx on cases using gin (participating_unit_ids);
    --;
    create index cases_created_by_idx on cases (created_by);
    --;

    create table case_tasks (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      title text not null,
      description text,
      assignee_id uuid references users(id),
      due_date date,
      status text not null default 'todo',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz,
      version integer not null default 1
    );
    --;
    create index case_tasks_case_idx on case_tasks (case_id, created_at);
    --;
    create index case_tasks_assignee_idx on case_tasks (assignee_id, status, due_date);
    --;

    create table case_notes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      body text not null,
      format text not null,
      language text not null,
      author_id uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    --;
    create index case_notes_case_idx on case_notes (case_id, created_at);
    --;
    -- Every version of a note, the first included; never updated or deleted.
    create table case_note_revisions (
      note_id uuid not null references case_notes(id) on delete cascade,
      version integer not null,
      body text not null,
      format text not null,
      language text not null,
      edited_by uuid not null references users(id),
      edited_at timestamptz not null default now(),
      primary key (note_id, version)
    );
    --;

    -- Attachment metadata; the bytes live in the file store under their SHA-256.
    create table case_attachments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      filename text not null,
      media_type text not null,
      size_bytes bigint not null,
      sha256 char(64) not null,
      uploaded_by uuid not null references users(id),
      uploaded_at timestamptz not null default now()
    );
    --;
    create index case_attachments_case_idx on case_attachments (case_id, uploaded_at);
    --;
    create index case_attachments_sha_idx on case_attachments (sha256);
    --;

    create table case_timeline_events (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id) on delete cascade,
      occurred_at timestamptz not null,
      -- The time as written, with its UTC offset (Phnom Penh +07:00, Seoul +09:00).
      occurred_at_local text not null,
      kind text not null,
      text text not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now()
    );
    --;
    create index case_timeline_case_idx on case_timeline_events (case_id, occurred_at);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists case_timeline_events;
    --;
    drop table if exists case_attachments;
    --;
    drop table if exists case_note_revisions;
    --;
    drop table if exists case_notes;
    --;
    drop table if exists case_tasks;
    --;
    drop table if exists cases;
    --;
    drop table if exists case_number_counters;
  `,
  );
}
