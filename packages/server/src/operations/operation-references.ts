import { type Actor, type FieldProblemInput, LiaisonError } from '@liaison/core';
import type { OperationInput, TargetInput } from '@liaison/core/operations/schemas';
import { findVisibleCaseId } from '../cases/case-visibility.ts';
import type { Db } from '../context.ts';
import { entityVisible } from '../graph/entities/visibility.ts';

type Plan = Pick<
  Partial<OperationInput>,
  'leadAgency' | 'partnerAgency' | 'teams' | 'targets' | 'caseIds' | 'legalAuthority'
>;

/**
 * Every record a plan names must exist and be the actor's to name: the agencies, each team's unit (of its
 * agency) and officers (active, of its agency), the compounds of the register, the graph persons (visible to
 * the actor), the fugitives, the linked cases (visible). All problems at once, each naming its field.
 */
export async function assertPlanReferences(db: Db, actor: Actor, plan: Plan): Promise<void> {
  const problems: FieldProblemInput[] = [];
  const notFound = (path: string, message: string) => problems.push({ path, message, code: 'not_found' });
  const agencies = new Map(
    (await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]),
  );
  for (const field of ['leadAgency', 'partnerAgency'] as const) {
    const code = plan[field];
    if (code !== undefined && !agencies.has(code)) notFound(`/${field}`, `No agency with the code ${code}`);
  }
  for (const [i, a] of (plan.legalAuthority ?? []).entries())
    if (!agencies.has(a.agencyCode))
      notFound(`/legalAuthority/${i}/agencyCode`, `No agency with the code ${a.agencyCode}`);
  const teams = plan.teams ?? [];
  const unitIds = teams.flatMap((t) => (t.unitId ? [t.unitId] : []));
  const userIds = teams.flatMap((t) => [...(t.leaderId ? [t.leaderId] : []), ...t.officerIds]);
  const units = new Map(
    unitIds.length === 0
      ? []
      : (await db.selectFrom('units').select(['id', 'agency_id']).where('id', 'in', unitIds).execute()).map(
          (u) => [u.id, u.agency_id],
        ),
  );
  const users = new Map(
    userIds.length === 0
      ? []
      : (
          await db
            .selectFrom('users')
            .select(['id', 'agency_id'])
            .where('id', 'in', userIds)
            .where('disabled', '=', false)
            .execute()
        ).map((u) => [u.id, u.agency_id]),
  );
  for (const [i, team] of teams.entries()) {
    const agencyId = agencies.get(team.agencyCode);
    if (!agencyId) {
      notFound(`/teams/${i}/agencyCode`, `No agency with the code ${team.agencyCode}`);
      continue;
    }
    if (team.unitId && units.get(team.unitId) !== agencyId)
      notFound(`/teams/${i}/unitId`, `No unit of ${team.agencyCode} with this id`);
    if (team.leaderId && users.get(team.leaderId) !== agencyId)
      notFound(`/teams/${i}/leaderId`, `No active officer of ${team.agencyCode} with this id`);
    for (const [j, id] of team.officerIds.entries())
      if (users.get(id) !== agencyId)
        notFound(`/teams/${i}/officerIds/${j}`, `No active officer of ${team.agencyCode} with this id`);
  }
  const targets = plan.targets ?? [];
  for (const [i, t] of targets.entries()) {
    if (t.kind === 'compound') {
      const found = await db
        .selectFrom('compounds')
        .select('id')
        .where('id', '=', t.compoundId)
        .executeTakeFirst();
      if (!found) notFound(`/targets/${i}/compoundId`, 'No such compound in the register');
    }
    if (t.kind === 'person' && t.entityId) {
      const found = await db
        .selectFrom('entities')
        .select('entities.id')
        .where('entities.id', '=', t.entityId)
        .where('entities.type', '=', 'person')
        .where(entityVisible(actor))
        .executeTakeFirst();
      if (!found) notFound(`/targets/${i}/entityId`, 'No such person in the graph');
    }
    if (t.kind === 'person' && t.fugitiveId) {
      const found = await db
        .selectFrom('fugitives')
        .select('id')
        .where('id', '=', t.fugitiveId)
        .executeTakeFirst();
      if (!found) notFound(`/targets/${i}/fugitiveId`, 'No such fugitive in the register');
    }
  }
  for (const [i, caseId] of (plan.caseIds ?? []).entries())
    if (!(await findVisibleCaseId(db, actor, caseId))) notFound(`/caseIds/${i}`, 'No such case');
  if (new Set(plan.caseIds ?? []).size !== (plan.caseIds ?? []).length)
    problems.push({ path: '/caseIds', message: 'Link each case once' });
  if (problems.length > 0)
    throw new LiaisonError('invalid-input', `${problems[0]!.message}.`, { fields: problems });
}

/** The targets as stored: the compound's name and position from the register, the person's name, the address. */
export async function targetRows(db: Db, operationId: string, targets: readonly TargetInput[]) {
  const compoundIds = targets.flatMap((t) => (t.kind === 'compound' ? [t.compoundId] : []));
  const compounds = new Map(
    compoundIds.length === 0
      ? []
      : (
          await db
            .selectFrom('compounds')
            .select(['id', 'name', 'province', 'lat', 'lon'])
            .where('id', 'in', compoundIds)
            .execute()
        ).map((c) => [c.id, c]),
  );
  return targets.map((t, position) => {
    const base = { operation_id: operationId, position, note: t.note ?? '' };
    if (t.kind === 'compound') {
      const c = compounds.get(t.compoundId);
      return {
        ...base,
        kind: t.kind,
        compound_id: t.compoundId,
        entity_id: null,
        fugitive_id: null,
        label: c?.name ?? '',
        address: c?.province ?? null,
        lat: c?.lat ?? null,
        lon: c?.lon ?? null,
      };
    }
    if (t.kind === 'person')
      return {
        ...base,
        kind: t.kind,
        compound_id: null,
        entity_id: t.entityId ?? null,
        fugitive_id: t.fugitiveId ?? null,
        label: t.label,
        address: null,
        lat: null,
        lon: null,
      };
    return {
      ...base,
      kind: t.kind,
      compound_id: null,
      entity_id: null,
      fugitive_id: null,
      label: t.address,
      address: t.address,
      lat: t.lat ?? null,
      lon: t.lon ?? null,
    };
  });
}
