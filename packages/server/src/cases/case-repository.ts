import { type Actor, type FieldProblemCode, LiaisonError } from '@liaison/core';
import { sql } from 'kysely';
import { audit } from '../audit/audit.ts';
import type { Ctx, Db, Tx } from '../context.ts';
import { visibleCases } from './case-visibility.ts';
import type { CaseRow } from './presenters.ts';

/** Every case column plus the owner agency's code; always through `visibleCases`. */
export function selectVisibleCases(db: Db, actor: Actor) {
  return visibleCases(db, actor)
    .innerJoin('agencies as owner', 'owner.id', 'cases.owner_agency_id')
    .selectAll('cases')
    .select('owner.code as owner_agency');
}

export async function findVisibleCase(db: Db, actor: Actor, caseId: string): Promise<CaseRow | null> {
  return (await selectVisibleCases(db, actor).where('cases.id', '=', caseId).executeTakeFirst()) ?? null;
}

const notFound = () => new LiaisonError('not-found', 'No such case.');

/** The case row, locked for the rest of the transaction; 404 when missing or not visible to the actor. */
export async function lockVisibleCase(trx: Tx, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await selectVisibleCases(trx, actor)
    .where('cases.id', '=', caseId)
    .forUpdate('cases')
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Marks the case as changed (list order, "updated" column) when one of its parts changes. */
export async function touchCase(trx: Tx, caseId: string, at: Date): Promise<void> {
  await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', caseId).execute();
}

/** The next number for an agency and year; the counter row's lock makes concurrent allocations wait in turn. */
export async function allocateCaseSequence(trx: Tx, agencyCode: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('case_number_counters')
    .values({ agency_code: agencyCode, year, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_code', 'year']).doUpdateSet({ last_seq: sql`case_number_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/** One audit entry about a case or one of its parts; `recordId` is always the case, so its history is one query. */
export function auditCase(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  action: string,
  caseId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit({ ...ctx, trx }, actor, action, { type: 'case', id: caseId }, details, {
    purpose: ctx.purpose,
  });
}

/** Checks that referenced agencies, units and users exist, naming the offending field when one does not. */
export async function assertReferencesExist(
  db: Db,
  refs: {
    leadAgency?: string | undefined;
    participatingUnitIds?: string[] | undefined;
    assignedOfficerIds?: string[] | undefined;
  },
): Promise<void> {
  if (refs.leadAgency !== undefined) {
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', refs.leadAgency)
      .executeTakeFirst();
    if (!agency) throw invalidField('/leadAgency', `No agency with the code ${refs.leadAgency}`, 'not_found');
  }
  if (refs.participatingUnitIds?.length) {
    const found = await db
      .selectFrom('units')
      .select('id')
      .where('id', 'in', refs.participatingUnitIds)
      .execute();
    const missing = missingIndex(refs.participatingUnitIds, found);
    if (missing >= 0) throw invalidField(`/participatingUnitIds/${missing}`, 'No such unit', 'not_found');
  }
  if (refs.assignedOfficerIds?.length) {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', refs.assignedOfficerIds)
      .where('disabled', '=', false)
      .execute();
    const missing = missingIndex(refs.assignedOfficerIds, found);
    if (missing >= 0)
      throw invalidField(`/assignedOfficerIds/${missing}`, 'No such active officer', 'not_found');
  }
}

function missingIndex(wanted: string[], found: { id: string }[]): number {
  const ids = new Set(found.map((row) => row.id));
  return wanted.findIndex((id) => !ids.has(id));
}

export function invalidField(path: string, message: string, code?: FieldProblemCode): LiaisonError {
  return new LiaisonError('invalid-input', `${message}.`, { fields: [{ path, message, code }] });
}
