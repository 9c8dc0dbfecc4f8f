import type { Insertable } from 'kysely';
import type { Tx } from '../context.ts';
import type { ExchangeTables } from './tables.ts';

/**
 * Inserts received exchange items unless one with the same id is here (a message delivered twice), 500 rows a
 * statement: federation's in-order applier hands a run's items over in one call.
 */
export async function insertExchangeItems(trx: Tx, rows: Insertable<ExchangeTables['exchange_items']>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('exchange_items')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
}
