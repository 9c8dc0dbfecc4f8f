import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Federation: this node's keys, its peers (with key history), the transactional outbox and the ordered
// inbox; the information exchange (SIENA model) and hit/no-hit queries built on them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table node_keys (
      kid text primary key,
      use text not null check (use in ('sig', 'enc')),
      public_jwk jsonb not null,
      private_jwk text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    );
    --;
    create table peers (
      id uuid primary key default gen_random_uuid(),
      node_name text not null unique,
      agency_code text not null,
      country char(2) not null,
      url text not null,
      status text not null default 'active' check (status in ('active', 'suspended')),
      fingerprint text not null,
      next_out_seq bigint not null default 0,
      last_applied_seq bigint not null default 0,
      last_contact_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    --;
    create table peer_keys (
      kid text primary key,
      peer_id uuid not null references peers(id) on delete cascade,
      use text not null check (use in ('sig', 'enc')),
      public_jwk jsonb not null,
      added_at timestamptz not null default now(),
      retired_at timestamptz
    );
    --;
    create index peer_keys_peer_idx on peer_keys (peer_id, use);
    --;
    create table outbox (
      id uuid primary key,
      peer_id uuid not null references peers(id),
      seq bigint not null,
      kind text not null,
      body jsonb not null,
      state text not null default 'queued' check (state in ('queued', 'sent', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      delivered_at timestamptz,
      unique (peer_id, seq)
    );
    --;
    create index outbox_pending_idx on outbox (next_attempt_at, peer_id, seq) where state in ('queued', 'sent');
    --;
    create table inbox (
      peer_id uuid not null references peers(id),
      seq bigint not null,
      message_id uuid not null unique,
      kind text not null,
      body jsonb not null,
      created_at timestamptz not null,
      sent_at timestamptz not null,
      received_at timestamptz not null default now(),
      applied_at timestamptz,
      outcome text,
      primary key (peer_id, seq)
    );
    --;
    create index inbox_unapplied_idx on inbox (peer_id, seq) where applied_at is null;
    --;
    create table exchange_items (
      id uuid primary key,
      peer_id uuid not null references peers(id),
      direction text not null check (direction in ('out', 'in')),
      kind text not null,
      thread_id uuid not null,
      in_reply_to uuid,
      subject text not null,
      body text not null,
      priority text not null,
      deadline timestamptz,
      questions jsonb not null default '[]',
      translations jsonb not null default '{}',
      identifiers jsonb not null default '[]',
      attachments jsonb not null default '[]',
      categories text[] not null default '{}',
      markings jsonb not null,
      hit_reference text,
      author_name text not null,
      author_agency text not null,
      created_by uuid references users(id),
      created_at timestamptz not null,
      delivery_state text,
      delivery_error text,
      acknowledged_at timestamptz,
      read_at timestamptz,
      reminded_at timestamptz,
      obligations jsonb not null default '[]',
      retain_until text
    );
    --;
    create index exchange_items_peer_idx on exchange_items (peer_id, created_at desc);
    --;
    create index exchange_items_thread_idx on exchange_items (thread_id, created_at);
    --;
    create index exchange_items_open_requests_idx on exchange_items (deadline) where kind = 'request' and reminded_at is null;
    --;
    create table hit_queries (
      id uuid primary key default gen_random_uuid(),
      direction text not null check (direction in ('out', 'in')),
      peer_id uuid not null references peers(id),
      user_id uuid references users(id),
      identifier_kind text not null,
      identifier_hash text not null,
      hit boolean,
      reference text,
      created_at timestamptz not null default now()
    );
    --;
    create index hit_queries_user_idx on hit_queries (user_id, created_at) where direction = 'out';
    --;
    create unique index hit_queries_reference_idx on hit_queries (reference) where reference is not null;
    --;
    create index exchange_items_retention_idx on exchange_items (retain_until) where direction = 'in' and retain_until is not null;
    --;
    create table case_shares (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null,
      peer_id uuid not null references peers(id),
      role text not null check (role in ('origin', 'mirror')),
      origin_node text not null,
      origin_case_id uuid not null,
      scope text[] not null,
      markings jsonb not null,
      policy_item jsonb not null,
      obligations jsonb not null default '[]',
      retain_until text,
      state text not null default 'active' check (state in ('active', 'retracted', 'disposed')),
      shared_by uuid references users(id),
      created_at timestamptz not null,
      retracted_at timestamptz,
      unique (peer_id, origin_node, origin_case_id)
    );
    --;
    create index case_shares_case_idx on case_shares (case_id) where state = 'active';
    --;
    create table mirrored_records (
      origin_node text not null,
      origin_id uuid not null,
      record_type text not null check (record_type in ('case', 'task', 'note', 'entity', 'member', 'link')),
      local_id uuid not null,
      case_id uuid not null,
      fields jsonb not null default '{}',
      deleted_at text,
      updated_at timestamptz not null,
      primary key (origin_node, origin_id),
      unique (record_type, local_id)
    );
    --;
    create index mirrored_records_case_idx on mirrored_records (case_id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists mirrored_records;
    --;
    drop table if exists case_shares;
    --;
    drop table if exists hit_queries;
    --;
    drop table if exists exchange_items;
    --;
    drop table if exists inbox;
    --;
    drop table if exists outbox;
    --;
    drop table if exists peer_keys;
    --;
    drop table if exists peers;
    --;
    drop table if exists node_keys;
  `,
  );
}
