import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  type CreatedEntity,
  type EntityType,
  type ExistingCarrier,
  type ExtractedProposal,
  entityTypes,
  type IdentifierCheck,
  type NonCorrelatingIdentifier,
  type NonCorrelatingMarked,
} from '@liaison/core/graph/index';
import { walletChainOf } from '@liaison/core/graph/wallet-chain';
import {
  detectIdentifierKind,
  extractIdentifiers,
  type IdentifierKind,
  type NormalisedIdentifier,
  normaliseIdentifier,
} from '@liaison/core/identifiers/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { contextOf } from '../graph/entities/entity-index.ts';
import { assertCaseVisible } from '../graph/entities/entity-reads.ts';
import { createEntities } from '../graph/entities/entity-writes.ts';
import { casesInScopeVisible, entityVisible } from '../graph/entities/visibility.ts';
import { agencyCountry } from './agency-country.ts';

/** How the actor's own officers write: numbers without a calling code are in their agency's country. */
async function actorContext(ctx: Ctx, actor: Actor) {
  return { defaultCountry: await agencyCountry(ctx.app.db, actor.agencyId) };
}

/** One identifier as the actor wrote it (the agency's country for phones, never a passport's issuer). */
async function normaliseAsWritten(ctx: Ctx, actor: Actor, kind: IdentifierKind, text: string) {
  return normaliseIdentifier(kind, text, contextOf(kind, undefined, await actorContext(ctx, actor)));
}

/** Marks a very common identifier (a call-centre number, an exchange's hot wallet) as not raising hits. */
export async function markNonCorrelating(
  ctx: Ctx,
  actor: Actor,
  input: { kind: IdentifierKind; value: string; reason: string },
): Promise<NonCorrelatingMarked> {
  authorize(actor, 'correlation.manage');
  const normalised = await normaliseAsWritten(ctx, actor, input.kind, input.value);
  return withAudit(ctx.app.db, async (trx) => {
    const row = await trx
      .insertInto('non_correlating_identifiers')
      .values({ kind: input.kind, value: normalised.value, reason: input.reason, marked_by: actor.userId })
      .onConflict((oc) =>
        oc.columns(['kind', 'value']).doUpdateSet({ reason: input.reason, marked_by: actor.userId }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'correlation.non-correlating-marked',
      { type: 'identifier', id: null },
      { kind: row.kind, value: row.value, reason: row.reason },
    );
    return {
      kind: row.kind,
      value: row.value,
      display: normalised.display,
      reason: row.reason,
      markedAt: row.marked_at.toISOString(),
    };
  });
}

export async function unmarkNonCorrelating(
  ctx: Ctx,
  actor: Actor,
  input: { kind: IdentifierKind; value: string },
) {
  authorize(actor, 'correlation.manage');
  const { value } = await normaliseAsWritten(ctx, actor, input.kind, input.value);
  await withAudit(ctx.app.db, async (trx) => {
    const deleted = await trx
      .deleteFrom('non_correlating_identifiers')
      .where('kind', '=', input.kind)
      .where('value', '=', value)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) throw new LiaisonError('not-found', 'This identifier is not marked.');
    await audit(
      { ...ctx, trx },
      { actorId: actor.userId, actorAgency: actor.agencyCode },
      'correlation.non-correlating-unmarked',
      { type: 'identifier', id: null },
      { kind: input.kind, value },
    );
  });
}

export async function listNonCorrelating(ctx: Ctx, actor: Actor): Promise<NonCorrelatingIdentifier[]> {
  authorize(actor, 'entities.read');
  const rows = await ctx.app.db
    .selectFrom('non_correlating_identifiers')
    .selectAll()
    .orderBy('marked_at', 'desc')
    .limit(1_000)
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    value: r.value,
    reason: r.reason,
    markedAt: r.marked_at.toISOString(),
  }));
}

/**
 * Checks one identifier against the index without saving anything: how many records carry it, and the ones the
 * actor may see. The rest are counted, never described.
 */
export async function checkIdentifier(
  ctx: Ctx,
  actor: Actor,
  input: { q: string; kind?: IdentifierKind | undefined },
): Promise<IdentifierCheck> {
  authorize(actor, 'entities.read');
  const kind = input.kind ?? detectIdentifierKind(input.q);
  if (!kind)
    throw new LiaisonError('invalid-input', 'This does not look like an identifier; name its kind.', {
      fields: [{ path: '/kind', message: 'Give the kind' }],
    });
  const identifier = await normaliseAsWritten(ctx, actor, kind, input.q);
  // One round trip: the matches (each with whether the actor may see it) and the non-correlating mark.
  const result = await sql<{
    id: string | null;
    type: string | null;
    caption: string | null;
    visible: boolean | null;
    marked: string | null;
  }>`
    select m.id, m.type, m.caption, m.visible,
      (select n.reason from non_correlating_identifiers n where n.kind = ${kind} and n.value = ${identifier.value}) as marked
    from (select 1) one
    left join lateral (
      select entities.id, entities.type, entities.caption, ${entityVisible(actor)} as visible
      from identifiers join entities on entities.id = identifiers.entity_id
      where identifiers.kind = ${kind} and identifiers.value = ${identifier.value}
      limit 100
    ) m on true
  `.execute(ctx.app.db);
  const marked = result.rows[0]?.marked ?? null;
  const rows = result.rows.filter((r) => r.id !== null) as {
    id: string;
    type: string;
    caption: string;
    visible: boolean;
  }[];
  const visible = rows.filter((r) => r.visible);
  return {
    identifier,
    nonCorrelating: marked,
    matchCount: rows.length,
    restrictedCount: rows.length - visible.length,
    matches: visible.map((r) => ({ id: r.id, type: r.type, caption: r.caption })),
  };
}

const entityTypeOfKind: Partial<
  Record<IdentifierKind, { type: EntityType; property: string; qualifier?: string }>
> = {
  phone: { type: 'phone', property: 'number' },
  email: { type: 'email', property: 'address' },
  crypto_wallet: { type: 'crypto_wallet', property: 'address', qualifier: 'chain' },
  messenger: { type: 'messenger_account', property: 'handle', qualifier: 'platform' },
  url: { type: 'website', property: 'url' },
  domain: { type: 'website', property: 'url' },
  bank_account: { type: 'bank_account', property: 'number', qualifier: 'bank' },
  passport: { type: 'identity_document', property: 'number' },
  national_id: { type: 'identity_document', property: 'number' },
};

/** An entity proposal for one found identifier, ready to send back to POST /cases/:id/entities/bulk. */
function proposal(identifier: NormalisedIdentifier): Record<string, unknown> | null {
  const spec = entityTypeOfKind[identifier.kind];
  if (!spec) return null;
  const details = identifier.details ?? {};
  const properties: Record<string, unknown> = {
    [spec.property]: identifier.kind === 'domain' ? `http://${identifier.display}` : identifier.raw.trim(),
  };
  if (spec.type === 'crypto_wallet') properties.chain = walletChainOf(details.chain);
  if (spec.type === 'messenger_account') {
    const platform = details.platform ?? 'other';
    properties.platform = (entityTypes.messenger_account.properties[0].values as readonly string[]).includes(
      platform,
    )
      ? platform
      : 'other';
  }
  if (spec.type === 'bank_account') properties.bank = details.bankName ?? details.bank ?? 'unknown';
  if (spec.type === 'identity_document') {
    properties.documentType = identifier.kind === 'passport' ? 'passport' : 'national_id';
    properties.issuingCountry = details.country && details.country !== 'XX' ? details.country : 'KR';
  }
  return { type: spec.type, properties };
}

/**
 * Identifiers found in pasted text, each with its place in the text, an entity proposal and the entities the
 * actor may see that already carry it (so the same phone is not entered twice); numbers without a calling code
 * are read in the actor's agency's country, as the entities created from them will be. With `caseId`, says
 * which carriers are in that case.
 */
export async function extractFromText(
  ctx: Ctx,
  actor: Actor,
  text: string,
  caseId?: string | undefined,
): Promise<ExtractedProposal[]> {
  authorize(actor, 'entities.read');
  if (caseId) await assertCaseVisible(ctx.app.db, actor, caseId);
  const found = extractIdentifiers(text, await actorContext(ctx, actor));
  const carriers = await carriersOf(
    ctx,
    actor,
    found.map((f) => f.identifier),
    caseId ?? null,
  );
  return found.map((f) => ({
    identifier: f.identifier,
    start: f.start,
    end: f.end,
    proposal: proposal(f.identifier),
    existing: carriers.get(`${f.identifier.kind}\u0000${f.identifier.value}`) ?? [],
  }));
}

/** Per identifier key, the visible live entities carrying it: those in the case first, five at most. */
async function carriersOf(
  ctx: Ctx,
  actor: Actor,
  identifiers: readonly NormalisedIdentifier[],
  caseId: string | null,
): Promise<Map<string, ExistingCarrier[]>> {
  const carriers = new Map<string, ExistingCarrier[]>();
  if (identifiers.length === 0) return carriers;
  const rows = await sql<{
    kind: string;
    value: string;
    id: string;
    type: string;
    caption: string;
    in_case: boolean;
  }>`
    select q.kind, q.value, m.id, m.type, m.caption, m.in_case
    from (select distinct * from unnest(${identifiers.map((i) => i.kind)}::text[], ${identifiers.map((i) => i.value)}::text[])) as q(kind, value)
    cross join lateral (
      select entities.id, entities.type, entities.caption,
        exists (select 1 from case_entities ce where ce.entity_id = entities.id and ce.case_id = ${caseId}::uuid) as in_case
      from (select distinct entity_id from identifiers where identifiers.kind = q.kind and identifiers.value = q.value) i
      join entities on entities.id = i.entity_id
      where ${entityVisible(actor)}
      order by in_case desc, entities.created_at
      limit 5
    ) m
  `.execute(ctx.app.db);
  const numbers = await caseNumbersOf(ctx, actor, [...new Set(rows.rows.map((r) => r.id))], caseId);
  for (const row of rows.rows) {
    const key = `${row.kind}\u0000${row.value}`;
    const list = carriers.get(key) ?? [];
    list.push({
      id: row.id,
      type: row.type,
      caption: row.caption,
      inCase: row.in_case,
      caseNumber: numbers.get(row.id) ?? null,
    });
    carriers.set(key, list);
  }
  return carriers;
}

/** Per entity, the number of a case the actor may see that holds it: `caseId` first, else its first. */
async function caseNumbersOf(ctx: Ctx, actor: Actor, entityIds: readonly string[], caseId: string | null) {
  if (entityIds.length === 0) return new Map<string, string>();
  const rows = await ctx.app.db
    .selectFrom('case_entities')
    .innerJoin('cases', 'cases.id', 'case_entities.case_id')
    .select(['case_entities.entity_id', 'case_entities.case_id', 'cases.number'])
    .where('case_entities.entity_id', 'in', entityIds)
    .where(casesInScopeVisible(actor))
    .orderBy('case_entities.added_at')
    .execute();
  const numbers = new Map<string, string>();
  for (const row of rows)
    if (!numbers.has(row.entity_id) || row.case_id === caseId) numbers.set(row.entity_id, row.number);
  return numbers;
}

/** Creates the chosen proposals in a case in one transaction (hits raised as usual). */
export async function createExtracted(
  ctx: Ctx,
  actor: Actor,
  caseId: string,
  entities: readonly Record<string, unknown>[],
): Promise<CreatedEntity[]> {
  return createEntities(
    ctx,
    actor,
    entities.map((entity) => ({ ...entity, caseId })),
    { prefix: (i) => `/entities/${i}` },
  );
}
