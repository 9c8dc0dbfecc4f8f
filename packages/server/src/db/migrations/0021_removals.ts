import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Removal planning (server/src/fugitives/removal/README.md): a removal of suspects home, its flights, its
// suspects (a fugitive of the register or an arrested person of the graph) and everyone else aboard (escorts,
// each for one suspect, and a charter's crew, medical staff and others). A suspect is in one open removal and on
// one flight; an officer escorts one suspect of a removal. The escort rule itself is checked by the service.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table removal_counters (year int primary key, last_seq int not null);
    --;
    create table removals (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      kind text not null check (kind in ('deportation', 'extradition', 'voluntary_return')),
      status text not null default 'planning'
        check (status in ('planning', 'confirmed', 'in_transit', 'handed_over')),
      receiving_unit jsonb not null,
      notes text not null default '',
      owner_agency_id uuid not null references agencies(id),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      confirmed_at timestamptz,
      confirmed_by uuid references users(id),
      handed_over_at timestamptz,
      received_by text,
      version int not null default 1
    );
    --;
    create index removals_agency_idx on removals (owner_agency_id, updated_at desc);
    --;
    create table removal_flights (
      id uuid primary key default gen_random_uuid(),
      removal_id uuid not null references removals(id) on delete cascade,
      kind text not null check (kind in ('commercial', 'charter')),
      airline text not null,
      flight_number text,
      from_airport text not null,
      to_airport text not null,
      departs_at timestamptz not null,
      arrives_at timestamptz not null,
      seats int check (seats > 0),
      created_at timestamptz not null default now(),
      check (arrives_at > departs_at),
      check (kind = 'charter' or flight_number is not null)
    );
    --;
    create index removal_flights_removal_idx on removal_flights (removal_id);
    --;
    create table removal_suspects (
      id uuid primary key default gen_random_uuid(),
      removal_id uuid not null references removals(id) on delete cascade,
      fugitive_id uuid references fugitives(id),
      person_entity_id uuid references entities(id),
      name text not null,
      name_local text,
      fugitive_reference text,
      birth_date text,
      nationality text,
      passport_number text,
      warrant_number text,
      flight_id uuid references removal_flights(id),
      seat text,
      boarded_at timestamptz,
      warrant_executed_by text,
      warrant_executed_at timestamptz,
      open boolean not null default true,
      position int not null,
      added_by uuid references users(id),
      added_at timestamptz not null default now(),
      check ((fugitive_id is null) <> (person_entity_id is null))
    );
    --;
    create index removal_suspects_removal_idx on removal_suspects (removal_id, position);
    --;
    create unique index removal_suspects_one_open_fugitive on removal_suspects (fugitive_id)
      where open and fugitive_id is not null;
    --;
    create unique index removal_suspects_one_open_person on removal_suspects (person_entity_id)
      where open and person_entity_id is not null;
    --;
    create table removal_members (
      id uuid primary key default gen_random_uuid(),
      removal_id uuid not null references removals(id) on delete cascade,
      role text not null check (role in ('escort', 'crew', 'medical', 'interpreter', 'other')),
      suspect_id uuid references removal_suspects(id) on delete cascade,
      flight_id uuid references removal_flights(id),
      user_id uuid references users(id),
      name text not null,
      agency text not null default '',
      passport_number text,
      seat text,
      position int not null,
      added_by uuid references users(id),
      added_at timestamptz not null default now(),
      check ((role = 'escort') = (suspect_id is not null)),
      check (role = 'escort' or flight_id is not null)
    );
    --;
    create index removal_members_removal_idx on removal_members (removal_id, position);
    --;
    create unique index removal_members_officer_once on removal_members (removal_id, user_id)
      where user_id is not null;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists removal_members;
    --;
    drop table if exists removal_suspects;
    --;
    drop table if exists removal_flights;
    --;
    drop table if exists removals;
    --;
    drop table if exists removal_counters;
    `,
  );
}
