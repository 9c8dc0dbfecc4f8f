import { type Actor, actingUserId } from '@liaison/core';
import type { EntityType } from '@liaison/core/graph/index';
import { walletChainOf } from '@liaison/core/graph/wallet-chain';
import { rescueIntakeUserId } from '../../accounts/service-accounts.ts';
import { type AuditInput, appendAuditBatch } from '../../audit/audit-repository.ts';
import type { Ctx, Tx } from '../../context.ts';
import type { NewIdentifier, RaisedHit } from '../../correlation/correlate.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { rescueEntityTlp } from '../entities/case-markings.ts';
import type { IndexedIdentifier } from '../entities/entity-index.ts';
import { indexEntities, insertEntities } from './entity-intake.ts';

/**
 * Identifiers that come from outside the graph (a rescue report's ransom account, wallet, messenger handles and
 * phones) enter it as entities of their own, indexed and correlated exactly like identifiers entered in a
 * joint case, so they raise hits like any others.
 *
 * A hit's `case_id` can only point at a joint case (`cases`), so these entities are placed in no case: the
 * rescue case they came from is recorded in `rescue_entities` (migration 0005). A hit against a joint case thus
 * names the joint case on its side and no case on this side; the live notification carries ids and the kind
 * only (see `correlate.ts`), never the identifier or the person.
 */
export interface ExternalIdentifier {
  /** The normalised kind and value, as `normaliseIdentifier` gives them (`crypto_wallet`, `tron:T…`). */
  kind: string;
  value: string;
  display: string;
  valid: boolean;
  /** Where in the report it was named (`ransom.wallet`, `person.telegram`, `narrative`…). */
  source: string;
}

const platforms = ['telegram', 'kakaotalk', 'line', 'whatsapp', 'wechat', 'signal', 'facebook'];

/** The entity carrying one identifier, with properties valid for its type; null for kinds the graph lacks. */
function entityOf(
  identifier: ExternalIdentifier,
): { type: EntityType; properties: Record<string, unknown>; property: string } | null {
  const prefix = identifier.value.split(':')[0]?.toLowerCase() ?? '';
  switch (identifier.kind) {
    case 'phone':
      return { type: 'phone', properties: { number: identifier.display }, property: 'number' };
    case 'email':
      return { type: 'email', properties: { address: identifier.display }, property: 'address' };
    case 'bank_account':
      return {
        type: 'bank_account',
        properties: { number: identifier.display, bank: 'unknown' },
        property: 'number',
      };
    case 'crypto_wallet':
      return {
        type: 'crypto_wallet',
        properties: { address: identifier.display, chain: walletChainOf(prefix) },
        property: 'address',
      };
    case 'messenger':
      return {
        type: 'messenger_account',
        properties: { handle: identifier.display, platform: platforms.includes(prefix) ? prefix : 'other' },
        property: 'handle',
      };
    default:
      return null;
  }
}

/**
 * Entities and hits need a user who created or raised them. Staff reports have one; the public form and jobs act
 * as the node, so they are recorded under a disabled service account of the owner agency (no password, cannot
 * sign in), created the first time it is needed.
 */
async function recordingUserId(trx: Tx, actor: Actor, ownerAgencyId: string): Promise<string> {
  return actingUserId(actor) ?? rescueIntakeUserId(trx, ownerAgencyId);
}

/**
 * Puts a rescue case's identifiers into the graph inside the caller's transaction: one entity per valid
 * identifier of a kind the graph knows, its identifier index row, and hits against every other entity already
 * carrying it. Returns the hits and the live events to publish once the transaction commits (`publishAll`).
 * Unreadable identifiers stay on the rescue case only: they could never raise a hit.
 */
export async function indexRescueIdentifiers(
  ctx: Ctx,
  trx: Tx,
  input: {
    rescueCaseId: string;
    identifiers: readonly ExternalIdentifier[];
    ownerAgencyId: string;
    actor: Actor;
  },
): Promise<{
  hits: RaisedHit[];
  events: LiveEvent[];
  /** The entities made, with where in the report each identifier was named (for rescue_entities). */
  entities: { entityId: string; source: string }[];
}> {
  const wanted = input.identifiers
    .filter((i) => i.valid)
    .map((identifier) => ({ identifier, entity: entityOf(identifier) }))
    .filter((w): w is { identifier: ExternalIdentifier; entity: NonNullable<ReturnType<typeof entityOf>> } =>
      Boolean(w.entity),
    );
  if (wanted.length === 0) return { hits: [], events: [], entities: [] };
  const userId = await recordingUserId(trx, input.actor, input.ownerAgencyId);
  const actor: Actor = { ...input.actor, userId };
  const indexed = wanted.map(
    ({ identifier, entity }): IndexedIdentifier => ({
      kind: identifier.kind as IndexedIdentifier['kind'],
      raw: identifier.display,
      value: identifier.value,
      display: identifier.display,
      valid: true,
      property: entity.property,
    }),
  );
  const rows = await insertEntities(
    trx,
    wanted.map(({ identifier, entity }, i) => ({
      type: entity.type,
      properties: entity.properties,
      ownerAgencyId: input.ownerAgencyId,
      // The confined person's own phone and handles are theirs: RED. The ransom trail is the graph's usual AMBER.
      tlp: rescueEntityTlp(identifier.source),
      handlingCode: 'H0',
      markings: null,
      createdBy: userId,
      identifiers: [indexed[i]!],
    })),
  );
  const entityIds = rows.map((row) => row.id);
  const newIdentifiers: NewIdentifier[] = indexed.map((identifier, i) => ({
    ...identifier,
    entityId: entityIds[i]!,
    caseId: null,
    rescueCaseId: input.rescueCaseId,
  }));
  const audits: AuditInput[] = wanted.map(({ identifier, entity }, i) => ({
    actorId: actingUserId(input.actor),
    actorAgency: input.actor.agencyCode,
    action: 'entity.created',
    recordType: 'entity',
    recordId: entityIds[i]!,
    ip: ctx.ip,
    // The kind of record and where it came from; never the identifier itself.
    details: { type: entity.type, rescueCaseId: input.rescueCaseId, source: identifier.source },
  }));
  await appendAuditBatch(trx, audits);
  const correlated = await indexEntities(ctx, trx, actor, newIdentifiers, entityIds);
  return {
    ...correlated,
    entities: wanted.map(({ identifier }, i) => ({ entityId: entityIds[i]!, source: identifier.source })),
  };
}
