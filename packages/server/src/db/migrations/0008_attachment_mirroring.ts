import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Attachments of joint case workspaces (federation README, "Attachments"): the record kind `attachment` in
// mirrored_records; the fetch queue of mirrored attachments whose content has not arrived yet (pending); and
// the queue of blobs whose last attachment went, deleted from the file store once nothing references them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table mirrored_records drop constraint if exists mirrored_records_record_type_check;
    --;
    alter table mirrored_records add constraint mirrored_records_record_type_check
      check (record_type in ('case', 'task', 'note', 'entity', 'member', 'link', 'attachment'));
    --;
    create table attachment_fetches (
      attachment_id uuid primary key references case_attachments(id) on delete cascade,
      peer_id uuid not null references peers(id),
      sha256 char(64) not null,
      size_bytes bigint not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      created_at timestamptz not null
    );
    --;
    create index attachment_fetches_due_idx on attachment_fetches (next_attempt_at);
    --;
    create index attachment_fetches_sha_idx on attachment_fetches (sha256);
    --;
    create table file_releases (
      sha256 char(64) primary key,
      queued_at timestamptz not null
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop table if exists file_releases;
    --;
    drop table if exists attachment_fetches;
    --;
    delete from mirrored_records where record_type = 'attachment';
    --;
    alter table mirrored_records drop constraint if exists mirrored_records_record_type_check;
    --;
    alter table mirrored_records add constraint mirrored_records_record_type_check
      check (record_type in ('case', 'task', 'note', 'entity', 'member', 'link'));
  `,
  );
}
