import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Roles an administrator proposed for a user, which a second administrator approves or declines (separation of
// duties, accounts/README.md). At most one pending grant per user; a decided grant keeps who decided and when
// (no one when the node's command line approved).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table role_grants (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      roles text[] not null check (cardinality(roles) > 0),
      state text not null default 'pending' check (state in ('pending', 'approved', 'declined')),
      proposed_by uuid not null references users(id),
      proposed_at timestamptz not null default now(),
      decided_by uuid references users(id),
      decided_at timestamptz,
      check ((state = 'pending') = (decided_at is null))
    );
    --;
    create unique index role_grants_one_pending_idx on role_grants (user_id) where state = 'pending';
    --;
    create index role_grants_state_idx on role_grants (state, proposed_at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop table if exists role_grants');
}
