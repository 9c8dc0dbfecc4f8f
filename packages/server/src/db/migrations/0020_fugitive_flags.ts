import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The fugitive flag (fugitives/flag/README.md): an index of the wanted persons' match keys (name sound keys,
// name + birth date, passport number) so that a write path finds its candidates in one indexed lookup however many
// are wanted; which version of each fugitive is indexed; the flags raised, one per person–fugitive pair for ever
// (a dismissed pair never flags again); and the notices received from the partner about our records flagged there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table fugitive_flag_keys (
      key text not null,
      fugitive_id uuid not null references fugitives(id) on delete cascade,
      primary key (key, fugitive_id)
    );
    --;
    create index fugitive_flag_keys_fugitive_idx on fugitive_flag_keys (fugitive_id);
    --;
    create table fugitive_flag_indexed (
      fugitive_id uuid primary key references fugitives(id) on delete cascade,
      version integer not null,
      updated_at timestamptz not null
    );
    --;
    create index fugitive_flag_indexed_updated_idx on fugitive_flag_indexed (updated_at);
    --;
    -- Serves the write path's "which fugitives changed since last indexed" (a handful of rows, never a scan).
    create index fugitive_flag_fugitives_updated_idx on fugitives (updated_at);
    --;
    create table fugitive_flags (
      id uuid primary key default gen_random_uuid(),
      fugitive_id uuid not null references fugitives(id) on delete cascade,
      subject_kind text not null check (subject_kind in ('entity', 'rescue_case')),
      subject_id uuid not null,
      source text not null check (source in ('created', 'case', 'peer', 'rescue-report')),
      case_id uuid,
      label text not null,
      status text not null default 'open' check (status in ('open', 'dismissed', 'confirmed')),
      explanation jsonb not null,
      raised_at timestamptz not null,
      decided_by uuid references users(id),
      decided_at timestamptz,
      decision_reason text,
      unique (subject_kind, subject_id, fugitive_id)
    );
    --;
    create index fugitive_flags_status_idx on fugitive_flags (status, raised_at desc);
    --;
    create table fugitive_flag_notices (
      id uuid primary key default gen_random_uuid(),
      peer_id uuid not null references peers(id) on delete cascade,
      peer_flag_id uuid not null,
      record_ids text[] not null,
      case_id text,
      fugitive_reference text,
      received_at timestamptz not null,
      unique (peer_id, peer_flag_id)
    );
    --;
    create index fugitive_flag_notices_received_idx on fugitive_flag_notices (received_at desc);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists fugitive_flag_notices;
    --;
    drop table if exists fugitive_flags;
    --;
    drop index if exists fugitive_flag_fugitives_updated_idx;
    --;
    drop table if exists fugitive_flag_indexed;
    --;
    drop table if exists fugitive_flag_keys;
    `,
  );
}
