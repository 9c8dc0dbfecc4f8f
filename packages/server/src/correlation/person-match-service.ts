import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { PersonCandidateView, PersonMatchDecided } from '@liaison/core/graph/index';
import {
  findPersonCandidates,
  type PersonFacts,
  PROPOSAL_THRESHOLD,
  scorePersonMatch,
} from '@liaison/core/persons/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import { personNamesOf } from '../graph/entities/entity-index.ts';
import { entityVisible } from '../graph/entities/visibility.ts';
import { createLink } from '../graph/links/link-service.ts';
import { nameFrequenciesFor, personPool } from './person-pool.ts';

type Facts = PersonFacts & { id: string; caption: string; ownerAgency: string };

const sexCode: Record<string, 'F' | 'M' | 'X'> = { female: 'F', male: 'M', unknown: 'X' };

/**
 * What matching needs of person entities: names, birth date, sex, nationalities, passports, ids and phones used.
 * A phone counts only when the actor may see it: a reason names the number it shares.
 */
async function loadFacts(db: Db, actor: Actor, ids: readonly string[]): Promise<Map<string, Facts>> {
  if (ids.length === 0) return new Map();
  const [people, identifiers, phones] = await Promise.all([
    db
      .selectFrom('entities')
      .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
      .select(['entities.id', 'entities.properties', 'entities.caption', 'agencies.code'])
      .where('entities.id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('identifiers')
      .select(['entity_id', 'kind', 'value'])
      .where('entity_id', 'in', [...ids])
      .where('valid', '=', true)
      .execute(),
    sql<{ person_id: string; value: string }>`
      select l.source_id as person_id, i.value from links l join identifiers i on i.entity_id = l.target_id and i.kind = 'phone' and i.valid
      join entities phone on phone.id = l.target_id
      where l.source_id = any(${[...ids]}::uuid[]) and l.type in ('uses', 'owns') and ${entityVisible(actor, 'phone')}`.execute(
      db,
    ),
  ]);
  const facts = new Map<string, Facts>();
  for (const person of people) {
    const p = person.properties as { birthDate?: string; sex?: string; nationalities?: string[] };
    facts.set(person.id, {
      id: person.id,
      caption: person.caption,
      ownerAgency: person.code,
      names: personNamesOf(person.properties),
      ...(p.birthDate && { birthDate: p.birthDate }),
      ...(p.sex && { sex: sexCode[p.sex] ?? 'X' }),
      ...(p.nationalities && { nationalities: p.nationalities }),
      passports: [],
      phones: [],
      otherIdentifiers: [],
    });
  }
  for (const identifier of identifiers) {
    const f = facts.get(identifier.entity_id);
    if (!f) continue;
    if (identifier.kind === 'passport') f.passports!.push(identifier.value);
    else f.otherIdentifiers!.push(`${identifier.kind}:${identifier.value}`);
  }
  for (const phone of phones.rows) facts.get(phone.person_id)?.phones?.push(phone.value);
  return facts;
}

async function visiblePerson(db: Db, actor: Actor, id: string, path: string) {
  const row = await db
    .selectFrom('entities')
    .select(['id', 'type'])
    .where('id', '=', id)
    .where(entityVisible(actor))
    .executeTakeFirst();
  if (!row)
    throw new LiaisonError('not-found', `No entity ${id} that you may see.`, {
      fields: [{ path, message: 'No such entity', code: 'not_found' }],
    });
  if (row.type !== 'person')
    throw new LiaisonError('invalid-input', 'Only persons are matched.', {
      fields: [{ path, message: 'Not a person' }],
    });
}

// How many of the closest persons are scored in full, for each candidate asked for (and at least).
const POOL_PER_CANDIDATE = 6;
const MIN_POOL = 60;

/**
 * Persons that may be the same as this one, best first, each with the reasons for and against, and any
 * earlier human decision. The pool is what names (in any script) or identifiers share, among visible persons.
 */
export async function personCandidates(
  ctx: Ctx,
  actor: Actor,
  entityId: string,
  limit = 10,
): Promise<PersonCandidateView[]> {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  await visiblePerson(db, actor, entityId, '/id');
  const target = (await loadFacts(db, actor, [entityId])).get(entityId)!;
  // The pool: persons sharing a fuzzy name key or an identifier with the target, visible to the actor, best
  // first; only a short list goes on to be scored (person-pool.ts).
  const identifierPairs = [
    ...target.passports!.map((value) => ['passport', value] as const),
    ...target.otherIdentifiers!.map(
      (v) => [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)] as const,
    ),
  ];
  const pool = {
    rows: (
      await personPool(
        db,
        actor,
        { id: entityId, names: target.names, birthDate: target.birthDate, identifiers: identifierPairs },
        Math.max(MIN_POOL, limit * POOL_PER_CANDIDATE),
      )
    ).map((id) => ({ id })),
  };
  const poolFacts = [
    ...(
      await loadFacts(
        db,
        actor,
        pool.rows.map((p) => p.id),
      )
    ).values(),
  ];
  const frequencies = await nameFrequenciesFor(db, [target, ...poolFacts]);
  const candidates = findPersonCandidates(target, poolFacts, {
    limit,
    minScore: PROPOSAL_THRESHOLD,
    frequencies,
  });
  const ids = candidates.map((c) => c.person.id);
  const decisions = ids.length
    ? await db
        .selectFrom('person_match_decisions')
        .selectAll()
        .where((eb) =>
          eb.or(
            ids.map((id) =>
              eb.and([
                eb('entity_a_id', '=', [id, entityId].sort()[0]!),
                eb('entity_b_id', '=', [id, entityId].sort()[1]!),
              ]),
            ),
          ),
        )
        .execute()
    : [];
  return candidates.map(({ person, match }) => {
    const decision = decisions.find((d) => d.entity_a_id === person.id || d.entity_b_id === person.id);
    return {
      entity: { id: person.id, caption: person.caption, ownerAgency: person.ownerAgency },
      score: match.score,
      verdict: match.verdict,
      reasons: match.reasons,
      decision: decision
        ? {
            decision: decision.decision,
            reason: decision.reason,
            decidedAt: decision.decided_at.toISOString(),
          }
        : null,
    };
  });
}

/** A human confirms (a same_as link, cycles refused) or rejects a candidate; either way it is remembered and audited. */
export async function decidePersonMatch(
  ctx: Ctx,
  actor: Actor,
  input: { entityId: string; candidateId: string; decision: 'confirmed' | 'rejected'; reason: string },
): Promise<PersonMatchDecided> {
  authorize(actor, 'entities.write');
  const db = ctx.app.db;
  await visiblePerson(db, actor, input.entityId, '/entityId');
  await visiblePerson(db, actor, input.candidateId, '/candidateId');
  const [a, b] = [input.entityId, input.candidateId].sort() as [string, string];
  if (a === b)
    throw new LiaisonError('conflict', 'An entity cannot be marked the same as itself', {
      extra: { reason: 'self-link', path: [a] },
    });
  const facts = await loadFacts(db, actor, [a, b]);
  const match = scorePersonMatch(facts.get(a)!, facts.get(b)!);
  return withAudit(db, async (trx) => {
    const earlier = await trx
      .selectFrom('person_match_decisions')
      .select(['decision'])
      .where('entity_a_id', '=', a)
      .where('entity_b_id', '=', b)
      .executeTakeFirst();
    if (earlier) throw new LiaisonError('conflict', `This pair was already ${earlier.decision}.`);
    const link =
      input.decision === 'confirmed'
        ? await createLink(
            ctx,
            actor,
            { type: 'same_as', sourceId: input.entityId, targetId: input.candidateId, properties: {} },
            trx,
          )
        : null;
    const row = await trx
      .insertInto('person_match_decisions')
      .values({
        entity_a_id: a,
        entity_b_id: b,
        decision: input.decision,
        reason: input.reason,
        score: match.score,
        link_id: link?.id ?? null,
        decided_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      `person-match.${input.decision}`,
      { type: 'entity', id: input.entityId },
      {
        candidateId: input.candidateId,
        score: match.score,
        verdict: match.verdict,
        reason: input.reason,
      },
    );
    return {
      id: row.id,
      decision: row.decision,
      score: match.score,
      verdict: match.verdict,
      reasons: match.reasons,
      linkId: link?.id ?? null,
    };
  });
}
