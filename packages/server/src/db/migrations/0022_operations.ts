import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Joint operations (server/src/operations/README.md): the plan (targets, teams, legal authority on each side,
// timing, risks), the commander's go/no-go decisions, the execution log typed on the ground, and the outcome —
// arrests, rescues, seizures (shaped for the evidence register) and follow-up tasks in the linked cases.
// Graph persons, fugitives, cases and their tasks are referenced by id without a foreign key: their owners purge
// and tombstone them (the operation keeps what it recorded).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table operation_counters (
      agency_code text not null,
      year integer not null,
      last_seq integer not null,
      primary key (agency_code, year)
    );
    --;
    create table operations (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      code_name text not null,
      objective text not null,
      status text not null default 'planning'
        check (status in ('planning', 'go', 'no_go', 'under_way', 'completed', 'cancelled')),
      status_changed_at timestamptz not null default now(),
      owner_agency text not null,
      lead_agency text not null,
      partner_agency text not null check (partner_agency <> lead_agency),
      crime_types text[] not null,
      case_ids uuid[] not null default '{}',
      intelligence jsonb not null,
      teams jsonb not null default '[]',
      legal_authority jsonb not null default '[]',
      briefing_at timestamptz,
      planned_start timestamptz not null,
      planned_end timestamptz not null,
      risks jsonb not null default '[]',
      tlp text not null,
      handling_code text not null,
      handling_note text,
      started_at timestamptz,
      completed_at timestamptz,
      outcome_summary text not null default '',
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      check (planned_end > planned_start)
    );
    --;
    create index operations_status_idx on operations (status, planned_start);
    --;
    create index operations_start_idx on operations (planned_start);
    --;
    create table operation_targets (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('compound', 'person', 'address')),
      compound_id uuid references compounds(id),
      entity_id uuid,
      fugitive_id uuid,
      label text not null,
      address text,
      lat double precision,
      lon double precision,
      note text not null default '',
      unique (operation_id, position)
    );
    --;
    create index operation_targets_compound_idx on operation_targets (compound_id) where compound_id is not null;
    --;
    create table operation_decisions (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      decision text not null check (decision in ('go', 'no_go')),
      reason text not null default '',
      decided_by uuid not null references users(id),
      decided_at timestamptz not null default now()
    );
    --;
    create index operation_decisions_op_idx on operation_decisions (operation_id, decided_at);
    --;
    create table operation_log (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      seq integer not null,
      client_id uuid,
      kind text not null
        check (kind in ('arrived', 'entered', 'secured', 'arrest', 'rescue', 'seizure', 'note')),
      at timestamptz not null,
      recorded_at timestamptz not null default now(),
      author_id uuid references users(id),
      author_agency text not null,
      text text not null default '',
      lat double precision,
      lon double precision,
      unique (operation_id, seq),
      unique (operation_id, client_id)
    );
    --;
    create table operation_arrests (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      log_entry_id uuid references operation_log(id),
      person_entity_id uuid not null,
      fugitive_id uuid,
      name text not null,
      nationality text not null,
      birth_date date,
      arresting_agency text not null,
      crime_type text not null,
      arrested_at timestamptz not null,
      note text not null default '',
      recorded_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (operation_id, person_entity_id)
    );
    --;
    create index operation_arrests_at_idx on operation_arrests (arrested_at);
    --;
    create index operation_arrests_fugitive_idx on operation_arrests (fugitive_id) where fugitive_id is not null;
    --;
    create table operation_rescues (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      log_entry_id uuid references operation_log(id),
      rescue_case_id uuid not null references rescue_cases(id),
      name text not null,
      nationality text not null,
      rescued_at timestamptz not null,
      note text not null default '',
      recorded_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (operation_id, rescue_case_id)
    );
    --;
    create table operation_seizures (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      log_entry_id uuid references operation_log(id),
      category text not null
        check (category in ('drugs', 'cash', 'phone', 'computer', 'vehicle', 'weapon', 'crypto', 'document', 'other')),
      description text not null default '',
      place text not null default '',
      quantity numeric not null check (quantity > 0),
      unit text not null,
      drug_type text,
      weapon_type text,
      currency text,
      asset text,
      wallet text,
      plate text,
      seized_at timestamptz not null,
      seized_by uuid references users(id),
      evidence_item_id uuid,
      created_at timestamptz not null default now()
    );
    --;
    create index operation_seizures_op_idx on operation_seizures (operation_id, category);
    --;
    create table operation_follow_ups (
      id uuid primary key default gen_random_uuid(),
      operation_id uuid not null references operations(id) on delete cascade,
      case_id uuid not null,
      task_id uuid not null,
      title text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists operation_follow_ups;
    --;
    drop table if exists operation_seizures;
    --;
    drop table if exists operation_rescues;
    --;
    drop table if exists operation_arrests;
    --;
    drop table if exists operation_log;
    --;
    drop table if exists operation_decisions;
    --;
    drop table if exists operation_targets;
    --;
    drop table if exists operations;
    --;
    drop table if exists operation_counters;
    `,
  );
}
