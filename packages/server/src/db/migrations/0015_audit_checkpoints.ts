import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Signed checkpoints of the audit chain's head (audit/README.md): a cut-off tail of audit_log shows as an entry
// missing below a checkpoint. Append-only like the log; no foreign key, so a checkpoint outlives deleted entries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table audit_checkpoints (
      seq bigint primary key,
      hash text not null,
      at timestamptz not null,
      jws text not null
    );
    --;
    create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_checkpoints is append-only';
    end $$;
    --;
    create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
      for each row execute function audit_checkpoints_append_only();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop trigger if exists audit_checkpoints_no_update on audit_checkpoints;
    --;
    drop function if exists audit_checkpoints_append_only();
    --;
    drop table if exists audit_checkpoints;
  `,
  );
}
