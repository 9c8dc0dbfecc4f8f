import { type Actor, authorize, isSystem, LiaisonError } from '@liaison/core';
import { type PersonFacts, scorePersonMatch } from '@liaison/core/persons/index';
import {
  assessRisk,
  type DuplicateCandidate,
  type DuplicateReviewRequested,
  passportKey,
  phoneKey,
  type ReportedPerson,
  type ReportIdentifier,
  type RescueCasesMerged,
  type RiskIndicator,
} from '@liaison/core/rescue/index';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import { recordCaseEvent } from './case-events.ts';
import { mergeIdentifiers } from './identifiers.ts';
import { assertCanWrite, readAccess } from './rescue-access.ts';

/** Person facts in the matcher's canonical form: passports `KR:M…`, phones E.164. */
export function personFacts(p: ReportedPerson): PersonFacts {
  const nationality = p.nationality ?? 'KR';
  return {
    names: [...(p.namesHangul ?? []), ...(p.namesLatin ?? [])],
    ...(p.birthDate && { birthDate: p.birthDate }),
    ...(p.sex && p.sex !== 'unknown' && { sex: p.sex === 'male' ? ('M' as const) : ('F' as const) }),
    nationalities: [nationality],
    passports: p.passportNumber ? [`${nationality}:${passportKey(p.passportNumber)}`] : [],
    phones: p.phone ? [`+${phoneKey(p.phone)}`] : [],
    otherIdentifiers: [
      ...(p.telegram ? [`telegram:${p.telegram.replace(/^@/, '').toLowerCase()}`] : []),
      ...(p.kakaotalk ? [`kakaotalk:${p.kakaotalk.toLowerCase()}`] : []),
    ],
  };
}

// Open cases are few (hundreds): scoring each against the new one catches cross-script names that exact
// keys miss; cases sharing an exact key are added whatever their state.
const scanLimit = 500;

export async function findDuplicateCandidates(db: Db, caseId: string): Promise<DuplicateCandidate[]> {
  const self = await db
    .selectFrom('rescue_cases')
    .select(['id', 'person'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!self) return [];
  const keys = await db
    .selectFrom('rescue_fingerprints')
    .select(['kind', 'key'])
    .where('case_id', '=', caseId)
    .execute();
  const sharing = keys.length
    ? await db
        .selectFrom('rescue_fingerprints')
        .select(['case_id', 'kind'])
        .where('case_id', '!=', caseId)
        .where((eb) => eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('key', '=', k.key)]))))
        .execute()
    : [];
  const shared = new Map<string, Set<string>>();
  for (const s of sharing) shared.set(s.case_id, (shared.get(s.case_id) ?? new Set()).add(s.kind));
  const others = await db
    .selectFrom('rescue_cases')
    .select(['id', 'reference', 'state', 'person', 'created_at'])
    .where('id', '!=', caseId)
    .where('merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb('state', 'not in', ['closed', 'repatriated']),
        ...(shared.size ? [eb('id', 'in', [...shared.keys()])] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(scanLimit)
    .execute();
  const facts = personFacts(self.person as ReportedPerson);
  const candidates: DuplicateCandidate[] = [];
  for (const other of others) {
    const match = scorePersonMatch(facts, personFacts(other.person as ReportedPerson));
    const sharedKeys = [...(shared.get(other.id) ?? [])];
    const strongKey = sharedKeys.includes('passport') || sharedKeys.includes('phone');
    if (match.verdict === 'weak' && !strongKey) continue;
    candidates.push({
      caseId: other.id,
      reference: other.reference,
      state: other.state,
      verdict: match.verdict,
      score: Math.round(match.score * 100) / 100,
      reasons: match.reasons.map((r) => r.text),
      sharedKeys,
      restricted: false,
    });
  }
  return candidates.sort((a, b) => b.score - a.score).slice(0, 20);
}

/**
 * The candidates as this viewer may see them. Match reasons quote the other case's person (names, birth date,
 * numbers), so they are shown only to members of that case's team; anyone else learns that a restricted case
 * matches, with its reference, and can ask a triage officer to review (`requestDuplicateReview`).
 */
export async function candidatesForViewer(
  db: Db,
  actor: Actor,
  candidates: readonly DuplicateCandidate[],
): Promise<DuplicateCandidate[]> {
  if (isSystem(actor) || candidates.length === 0) return [...candidates];
  const teams = await db
    .selectFrom('rescue_team')
    .select('case_id')
    .where('user_id', '=', actor.userId)
    .where(
      'case_id',
      'in',
      candidates.map((c) => c.caseId),
    )
    .execute();
  const onTeam = new Set(teams.map((r) => r.case_id));
  return candidates.map((c) =>
    onTeam.has(c.caseId)
      ? c
      : { ...c, reasons: [`A restricted case matches (reference ${c.reference})`], restricted: true },
  );
}

export async function listDuplicateCandidates(ctx: Ctx, actor: Actor, caseId: string) {
  authorize(actor, 'rescue.read');
  await readAccess(ctx, actor, caseId);
  return candidatesForViewer(ctx.app.db, actor, await findDuplicateCandidates(ctx.app.db, caseId));
}

/**
 * A team member who sees a restricted match asks the triage officers to review it (join the other team, or
 * merge). Recorded in the case history; the notification names the two references only.
 */
export async function requestDuplicateReview(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  otherCaseId: string,
): Promise<DuplicateReviewRequested> {
  authorize(actor, 'rescue.read');
  const candidate = (await findDuplicateCandidates(ctx.app.db, caseId)).find((c) => c.caseId === otherCaseId);
  const self = await ctx.app.db
    .selectFrom('rescue_cases')
    .select('reference')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!self) throw new LiaisonError('not-found', 'No such rescue case.');
  if (!candidate) throw new LiaisonError('not-found', 'That case is not a likely duplicate of this one.');
  await withAudit(ctx.app.db, async (trx) => {
    await assertCanWrite(trx, actor, caseId);
    await recordCaseEvent(trx, ctx, actor, caseId, {
      kind: 'duplicate_review_requested',
      details: { otherCaseId, otherReference: candidate.reference },
    });
  });
  await ctx.app.events.publish({
    type: 'rescue.duplicate_review',
    audience: { permission: 'rescue.triage' },
    payload: {
      caseId,
      reference: self.reference,
      otherCaseId,
      otherReference: candidate.reference,
      text: `Rescue cases ${self.reference} and ${candidate.reference} may be the same person: review requested`,
    },
  });
  return { reference: self.reference, otherReference: candidate.reference };
}

const uniq = (values: readonly string[]) => [...new Set(values)];

/** One person from two records: names and identifiers united, the target's other fields kept. */
export function mergePersons(target: ReportedPerson, source: ReportedPerson): ReportedPerson {
  return {
    ...source,
    ...target,
    namesHangul: uniq([...(target.namesHangul ?? []), ...(source.namesHangul ?? [])]),
    namesLatin: uniq([...(target.namesLatin ?? []), ...(source.namesLatin ?? [])]),
  };
}

/**
 * Merges `sourceId` into `targetId`, decided by a person (triage) on both teams: reports, files, keys and team
 * move to the target, the source stays as a record pointing at it, and both histories say so.
 */
export async function mergeCases(
  ctx: Ctx,
  actor: Actor,
  targetId: string,
  sourceId: string,
  reason: string,
): Promise<RescueCasesMerged> {
  authorize(actor, 'rescue.triage');
  if (targetId === sourceId) throw new LiaisonError('invalid-input', 'A case cannot be merged into itself.');
  return withAudit(ctx.app.db, async (trx) => {
    const rows = await trx
      .selectFrom('rescue_cases')
      .selectAll()
      .where('id', 'in', [targetId, sourceId])
      .forUpdate()
      .execute();
    const target = rows.find((r) => r.id === targetId);
    const source = rows.find((r) => r.id === sourceId);
    if (!target || !source) throw new LiaisonError('not-found', 'No such rescue case.');
    if (target.merged_into || source.merged_into)
      throw new LiaisonError('conflict', 'One of these cases is already merged.');
    await assertCanWrite(trx, actor, targetId);
    await assertCanWrite(trx, actor, sourceId);
    const person = mergePersons(target.person as ReportedPerson, source.person as ReportedPerson);
    const indicators = uniq([...target.indicators, ...source.indicators]) as RiskIndicator[];
    const assessment = assessRisk(indicators);
    const override = target.risk_override as { level: string } | null;
    const now = ctx.app.now();
    await trx
      .updateTable('rescue_cases')
      .set({
        person: JSON.stringify(person),
        indicators,
        risk_assessment: JSON.stringify(assessment),
        risk_level: override?.level ?? assessment.level,
        identifiers: JSON.stringify(
          mergeIdentifiers(
            target.identifiers as ReportIdentifier[],
            source.identifiers as ReportIdentifier[],
          ),
        ),
        consent: target.consent || source.consent,
        compound_id: target.compound_id ?? source.compound_id,
        updated_at: now,
        version: target.version + 1,
      })
      .where('id', '=', targetId)
      .execute();
    await trx
      .updateTable('rescue_reports')
      .set({ case_id: targetId })
      .where('case_id', '=', sourceId)
      .execute();
    await trx
      .updateTable('rescue_files')
      .set({ case_id: targetId })
      .where('case_id', '=', sourceId)
      .execute();
    const keys = await trx
      .selectFrom('rescue_fingerprints')
      .select(['kind', 'key'])
      .where('case_id', '=', sourceId)
      .execute();
    if (keys.length) {
      await trx
        .insertInto('rescue_fingerprints')
        .values(keys.map((k) => ({ case_id: targetId, ...k })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx.deleteFrom('rescue_fingerprints').where('case_id', '=', sourceId).execute();
    await trx
      .updateTable('rescue_entities')
      .set({ rescue_case_id: targetId })
      .where('rescue_case_id', '=', sourceId)
      .execute();
    const team = await trx
      .selectFrom('rescue_team')
      .select(['user_id', 'added_by'])
      .where('case_id', '=', sourceId)
      .execute();
    if (team.length) {
      await trx
        .insertInto('rescue_team')
        .values(
          team.map((m) => ({ case_id: targetId, user_id: m.user_id, added_by: m.added_by, added_at: now })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .updateTable('rescue_cases')
      .set({ merged_into: targetId, updated_at: now, version: source.version + 1 })
      .where('id', '=', sourceId)
      .execute();
    await recordCaseEvent(trx, ctx, actor, targetId, {
      kind: 'merged',
      reason,
      details: { sourceCaseId: sourceId, sourceReference: source.reference },
    });
    await recordCaseEvent(trx, ctx, actor, sourceId, {
      kind: 'merged_into',
      reason,
      details: { targetCaseId: targetId, targetReference: target.reference },
    });
    return { caseId: targetId, reference: target.reference, mergedReference: source.reference };
  });
}
