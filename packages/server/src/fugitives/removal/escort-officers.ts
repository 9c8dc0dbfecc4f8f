import { type Actor, authorize, type Role } from '@liaison/core';
import type { EscortOfficer } from '@liaison/core/fugitives/removal-schemas';
import type { Ctx, Db } from '../../context.ts';

/** Officers by id (enabled accounts only), with their agency's code: who can escort. */
export async function officersByIds(db: Db, ids: readonly string[]): Promise<Map<string, EscortOfficer>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.display_name', 'agencies.code'])
    .where('users.id', 'in', [...new Set(ids)])
    .where('users.disabled', '=', false)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.display_name, agency: r.code }]));
}

// Roles whose holders go on escort duty: officers, not administrators or auditors.
const escortRoles: readonly Role[] = ['investigator', 'liaison_officer', 'commander', 'analyst'];

/** The pool to choose escorts from: the planning agency's enabled officers, by name. */
export async function escortPool(ctx: Ctx, actor: Actor): Promise<EscortOfficer[]> {
  authorize(actor, 'fugitives.write');
  const rows = await ctx.app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.display_name', 'agencies.code', 'users.roles'])
    .where('users.agency_id', '=', actor.agencyId)
    .where('users.disabled', '=', false)
    .orderBy('users.display_name')
    .limit(1000)
    .execute();
  return rows
    .filter((r) => r.roles.some((role) => escortRoles.includes(role)))
    .map((r) => ({ id: r.id, name: r.display_name, agency: r.code }));
}
