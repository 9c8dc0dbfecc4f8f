import { type Actor, can, isSystem, LiaisonError } from '@liaison/core';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../context.ts';
import type { Database } from '../db/tables.ts';
import { type FugitiveRow, fugitiveColumns } from './fugitive-rows.ts';

// Need-to-know for the register (fugitives/README.md), in SQL so no query can forget it. The register exists
// to be used by the joint unit, so its default is wide, and its TLP narrows it:
// - without `fugitives.read`, nothing;
// - TLP:RED: only the officer who entered the record;
// - TLP:AMBER+STRICT: officers of the owning agency (and the one who entered it);
// - AMBER, GREEN, CLEAR: every holder of `fugitives.read` on this node (the partner's officers seconded here).
// Changing the record itself (names, passport, warrant, markings) is for the owning agency's writers; steps and
// sightings for any writer who sees it (the arrest is often the partner's). A sighting's source is shown only
// to the owning agency's writers and to whoever recorded it.

export function fugitiveVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'fugitives'>): Expression<SqlBool> => {
    if (isSystem(actor)) return sql<boolean>`true`;
    if (!can(actor, 'fugitives.read')) return sql<boolean>`false`;
    return eb.or([
      eb('fugitives.created_by', '=', actor.userId),
      eb.and([eb('fugitives.tlp', '=', 'AMBER+STRICT'), eb('fugitives.agency_code', '=', actor.agencyCode)]),
      eb('fugitives.tlp', 'not in', ['RED', 'AMBER+STRICT']),
    ]);
  };
}

/** `select … from fugitives` narrowed to what the actor may see; every register read starts here. */
export function visibleFugitives(db: Db, actor: Actor) {
  return db.selectFrom('fugitives').where(fugitiveVisibleTo(actor));
}

const notFound = () => new LiaisonError('not-found', 'No such fugitive.');

export async function findVisibleFugitive(db: Db, actor: Actor, id: string): Promise<FugitiveRow | null> {
  const row = await visibleFugitives(db, actor)
    .select(fugitiveColumns)
    .where('fugitives.id', '=', id)
    .executeTakeFirst();
  return (row as FugitiveRow | undefined) ?? null;
}

/** The record, locked for the rest of the transaction; 404 when missing or not visible. */
export async function lockVisibleFugitive(trx: Tx, actor: Actor, id: string): Promise<FugitiveRow> {
  const row = await visibleFugitives(trx, actor)
    .select(fugitiveColumns)
    .where('fugitives.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as FugitiveRow;
}

export { notFound as fugitiveNotFound };

/** The record itself is the owning agency's (the warrant and passport are its country's). */
export function assertOwnsRecord(actor: Actor, row: FugitiveRow): void {
  if (isSystem(actor) || row.agency_code === actor.agencyCode) return;
  throw new LiaisonError(
    'forbidden',
    `Only ${row.agency_code} changes this record; add a step or a sighting instead.`,
  );
}

/** Whether the actor sees who a sighting's source is. */
export function seesSource(actor: Actor, row: FugitiveRow, recordedBy: string | null): boolean {
  if (isSystem(actor)) return true;
  if (recordedBy !== null && recordedBy === actor.userId) return true;
  return row.agency_code === actor.agencyCode && can(actor, 'fugitives.write');
}
