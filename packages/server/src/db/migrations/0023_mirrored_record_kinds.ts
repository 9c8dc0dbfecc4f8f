import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Record kinds beyond the cases' and the graph's travel in shared cases (fugitive, sighting, operation:
// federation README, "Which kinds travel"), and as exchange items.
//
// mirrored_records.record_type had a CHECK listing the seven kinds of 0008. It goes, replaced by a check of the
// name's shape only, because the list of kinds is the node's registry (the manifests' `recordKinds`), not the
// schema: federation writes a row only for a kind the registry knows (case sync skips an unknown kind when it
// arrives, and a local change of an unknown kind throws), so a listing CHECK only duplicated the registry and
// made every new kind a migration of federation's table by another feature. The shape check still keeps
// anything but a wire name (`fugitive`, `operation`) out of the column.
//
// exchange_items.records: the shared fields of the records an officer sends as an exchange item (`[{ kind, id,
// fields }]`), read through each kind's owner and cut to what the rules let go (exchange/record-items.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table mirrored_records drop constraint if exists mirrored_records_record_type_check;
    --;
    alter table mirrored_records add constraint mirrored_records_record_type_check
      check (record_type ~ '^[a-z][a-z_]{0,39}$');
    --;
    alter table exchange_items add column records jsonb not null default '[]'
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table exchange_items drop column if exists records;
    --;
    delete from mirrored_records
      where record_type not in ('case', 'task', 'note', 'entity', 'member', 'link', 'attachment');
    --;
    alter table mirrored_records drop constraint if exists mirrored_records_record_type_check;
    --;
    alter table mirrored_records add constraint mirrored_records_record_type_check
      check (record_type in ('case', 'task', 'note', 'entity', 'member', 'link', 'attachment'));
  `,
  );
}
