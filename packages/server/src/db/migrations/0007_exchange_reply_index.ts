import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Listing or opening an exchange item asks whether it has been replied to; without this index that
// question scanned every item (found while measuring federation throughput).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'create index exchange_items_in_reply_to_idx on exchange_items (in_reply_to)');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'drop index if exists exchange_items_in_reply_to_idx');
}
