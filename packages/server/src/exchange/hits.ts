import { createHash, randomBytes } from 'node:crypto';
import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import type { HitAnswer, HitQueryInput } from '@liaison/core/exchange/schemas';
import { sql } from 'kysely';
import type { z } from 'zod';
import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext, Ctx } from '../context.ts';
import { findPeer } from '../federation/peers.ts';
import { askPeer, type RequestHandler } from '../federation/requests.ts';
import { federationOf } from '../federation/runtime.ts';
import { decideOutgoing, refuseOutgoing } from '../policy/decide.ts';
import { normaliseRefs } from './exchange-service.ts';

/** Where a node looks for records on an identifier; features with records (entities, cases) add theirs. */
export type HitSource = (app: AppContext, identifier: { kind: string; value: string }) => Promise<boolean>;

/** Identifiers named in exchanged messages (sent or received): the exchange's own hit source. */
export const exchangeItemsHold: HitSource = async (app, identifier) => {
  const row = await app.db
    .selectFrom('exchange_items')
    .select('id')
    .where(sql<boolean>`identifiers @> ${JSON.stringify([identifier])}::jsonb`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
};

const peerQueriesPerHour = 600;

function identifierOf(input: { kind: string; value: string; birthDate?: string | undefined }): {
  kind: string;
  value: string;
} {
  if (input.kind === 'name_birth_date') {
    if (!input.birthDate)
      throw new LiaisonError('invalid-input', 'A name query needs the birth date.', {
        fields: [{ path: '/birthDate', message: 'Required with a name' }],
      });
    return {
      kind: 'name_birth_date',
      value: `${input.value
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s,.-]+/g, ' ')
        .trim()}|${input.birthDate}`,
    };
  }
  return normaliseRefs([{ kind: input.kind, value: input.value }])[0]!;
}

function hashOf(identifier: { kind: string; value: string }): string {
  return createHash('sha256').update(`${identifier.kind}:${identifier.value}`).digest('hex');
}

/**
 * Asks a peer whether it holds records on one identifier. Rate-limited per user; the sender's outbound
 * rules apply (action hit_query); both sides log the query; the answer is hit or no hit and a reference.
 */
export async function askHit(
  ctx: Ctx,
  actor: Actor,
  input: z.infer<typeof HitQueryInput>,
): Promise<z.infer<typeof HitAnswer>> {
  authorize(actor, 'exchange.send');
  const peer = await findPeer(ctx.app.db, input.peer);
  if (!peer || peer.status !== 'active')
    throw new LiaisonError('invalid-input', `No active peer ${input.peer}.`, {
      fields: [{ path: '/peer', message: 'Unknown or suspended peer' }],
    });
  const limit = federationOf(ctx.app).settings.HIT_QUERIES_PER_HOUR;
  const since = new Date(ctx.app.now().getTime() - 3_600_000);
  const used = await ctx.app.db
    .selectFrom('hit_queries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('direction', '=', 'out')
    .where('user_id', '=', actor.userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(used.n) >= limit)
    throw new LiaisonError('rate-limited', `At most ${limit} hit/no-hit queries an hour.`, {
      extra: { retryAfter: 600 },
    });
  const identifier = identifierOf(input);
  const policy = decideOutgoing(ctx.app, {
    action: 'hit_query',
    peer,
    item: { kind: 'hit_query', categories: ['identifier'] },
    markings: {
      originAgency: ctx.app.config.nodeAgency,
      handlingCode: 'H2',
      tlp: 'AMBER',
      legalBasis: { kind: 'police_cooperation' },
      purpose: input.purpose,
      sourceReliability: 'X',
      informationAccuracy: '4',
    },
  });
  if (!policy.allowed) await refuseOutgoing(ctx, actor, policy, 'hit_query');
  let answer: Record<string, unknown>;
  try {
    answer = await askPeer(ctx.app, peer, 'hit.query', {
      identifier,
      purpose: input.purpose,
      askedBy: actor.agencyCode,
    });
  } catch (error) {
    throw new LiaisonError(
      'service-unavailable',
      `The peer ${peer.node_name} did not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const hit = answer.hit === true;
  const reference = String(answer.reference);
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    await trx
      .insertInto('hit_queries')
      .values({
        direction: 'out',
        peer_id: peer.id,
        user_id: actingUserId(actor),
        identifier_kind: identifier.kind,
        identifier_hash: hashOf(identifier),
        hit,
        reference: `${peer.node_name}:${reference}`,
        created_at: now,
      })
      .execute();
    await audit(
      { ...ctx, trx },
      actor,
      'hit.query.sent',
      { type: 'hit_query', id: reference },
      {
        peer: peer.node_name,
        kind: identifier.kind,
        identifierHash: hashOf(identifier),
        hit,
        policy: policy.details,
      },
      { purpose: input.purpose },
    );
  });
  return { peer: peer.node_name, hit, reference };
}

// The answering side: look, log, answer hit or no hit and a reference — never what was found.
export const answerHitQuery: RequestHandler = async (app, peer, message) => {
  const { identifier, purpose } = message.body as {
    identifier: { kind: string; value: string };
    purpose: string;
  };
  const since = new Date(app.now().getTime() - 3_600_000);
  const used = await app.db
    .selectFrom('hit_queries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('direction', '=', 'in')
    .where('peer_id', '=', peer.id)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(used.n) >= peerQueriesPerHour) return { hit: false, reference: 'RATE-LIMITED' };
  let hit = false;
  for (const source of app.registry.hitSources) {
    if (await source(app, identifier)) {
      hit = true;
      break;
    }
  }
  const reference = `HQ-${randomBytes(5).toString('hex').toUpperCase()}`;
  const now = app.now();
  await withAudit(app.db, async (trx) => {
    await trx
      .insertInto('hit_queries')
      .values({
        direction: 'in',
        peer_id: peer.id,
        user_id: null,
        identifier_kind: identifier.kind,
        identifier_hash: hashOf(identifier),
        hit,
        reference,
        created_at: now,
      })
      .execute();
    await audit(
      { app, ip: null, trx },
      { actorId: null, actorAgency: peer.agency_code },
      'hit.query.answered',
      { type: 'hit_query', id: reference },
      { peer: peer.node_name, kind: identifier.kind, identifierHash: hashOf(identifier), hit },
      { purpose: String(purpose ?? '') },
    );
  });
  await app.events.publish({
    type: 'hit.query',
    audience: { agencyCodes: [app.config.nodeAgency], permission: 'exchange.read' },
    payload: { peer: peer.node_name, reference, hit },
  });
  return { hit, reference };
};
