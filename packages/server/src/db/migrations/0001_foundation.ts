import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Agencies, units, users, sessions, API tokens and the append-only audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create extension if not exists pg_trgm;
    --;

    create table agencies (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      country char(2) not null,
      created_at timestamptz not null default now()
    );
    --;

    create table units (
      id uuid primary key default gen_random_uuid(),
      agency_id uuid not null references agencies(id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (agency_id, name)
    );
    --;

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      display_name text not null,
      agency_id uuid not null references agencies(id),
      unit_id uuid references units(id),
      roles text[] not null,
      password_hash text not null,
      language text not null default 'en',
      time_zone text not null default 'Asia/Phnom_Penh',
      disabled boolean not null default false,
      totp_secret text,
      totp_enrolled_at timestamptz,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    --;
    create index users_agency_idx on users (agency_id);
    --;

    create table recovery_codes (
      user_id uuid not null references users(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      primary key (user_id, code_hash)
    );
    --;

    create table sessions (
      id_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    --;
    create index sessions_user_idx on sessions (user_id);
    --;

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    --;

    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_agency text,
      action text not null,
      record_type text not null,
      record_id text,
      ip text,
      purpose text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    --;
    create index audit_actor_idx on audit_log (actor_id, seq);
    --;
    create index audit_record_idx on audit_log (record_type, record_id, seq);
    --;
    create index audit_action_idx on audit_log (action, seq);
    --;
    create index audit_at_idx on audit_log (at);
    --;

    -- Append-only: the application never updates or deletes audit entries; the database refuses too.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    --;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    --;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop trigger if exists audit_log_no_update on audit_log;
    --;
    drop function if exists audit_log_append_only();
    --;
    drop table if exists audit_log;
    --;
    drop table if exists api_tokens;
    --;
    drop table if exists sessions;
    --;
    drop table if exists recovery_codes;
    --;
    drop table if exists users;
    --;
    drop table if exists units;
    --;
    drop table if exists agencies;
    --;
  `,
  );
}
