import { randomUUID } from 'node:crypto';
import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import type { ExchangeItem, ExchangeItemInput } from '@liaison/core/exchange/schemas';
import { normaliseIdentifier } from '@liaison/core/identifiers/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext, Ctx, Db } from '../context.ts';
import { enqueueMessage } from '../federation/outbox.ts';
import { findPeer } from '../federation/peers.ts';
import { federationOf } from '../federation/runtime.ts';
import {
  decideOutgoing,
  type OutgoingItem,
  type PolicyPeer,
  type PolicyVerdict,
  refuseOutgoing,
} from '../policy/decide.ts';
import { presentItem } from './presenters.ts';
import { auditWithheld, outgoingRecords } from './record-items.ts';

/** Identifiers travel normalised (the same phone written two ways is one key for hit/no-hit). */
export function normaliseRefs(refs: { kind: string; value: string }[]): { kind: string; value: string }[] {
  return refs.map((ref) => {
    try {
      const n = normaliseIdentifier(ref.kind as Parameters<typeof normaliseIdentifier>[0], ref.value);
      return { kind: ref.kind, value: n.valid ? n.value : ref.value.trim() };
    } catch {
      return { kind: ref.kind, value: ref.value.trim() };
    }
  });
}

export function itemsQuery(db: Db) {
  return db
    .selectFrom('exchange_items as i')
    .innerJoin('peers', 'peers.id', 'i.peer_id')
    .selectAll('i')
    .select(['peers.node_name', 'peers.agency_code'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('exchange_items as r')
            .select('r.id')
            .whereRef('r.in_reply_to', '=', 'i.id')
            .where('r.kind', '=', 'reply'),
        )
        .as('replied'),
    );
}

export async function getItem(ctx: Ctx, actor: Actor, id: string): Promise<ExchangeItem> {
  authorize(actor, 'exchange.read');
  return readItemAfterWrite(ctx, id);
}

/** A message as stored, without the caller's `exchange.read`: only to answer the caller about the one they just marked. */
async function readItemAfterWrite(ctx: Ctx, id: string): Promise<ExchangeItem> {
  const row = await itemsQuery(ctx.app.db).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such message.');
  return presentItem(row, ctx.app.now());
}

export async function listItems(
  ctx: Ctx,
  actor: Actor,
  filter: {
    peer?: string | undefined;
    direction?: 'in' | 'out' | undefined;
    threadId?: string | undefined;
    limit: number;
  },
): Promise<ExchangeItem[]> {
  authorize(actor, 'exchange.read');
  let query = itemsQuery(ctx.app.db);
  if (filter.peer)
    query = query.where((eb) =>
      eb.or([eb('peers.node_name', '=', filter.peer!), eb('peers.agency_code', '=', filter.peer!)]),
    );
  if (filter.direction) query = query.where('i.direction', '=', filter.direction);
  if (filter.threadId) query = query.where('i.thread_id', '=', filter.threadId);
  const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id').limit(filter.limit).execute();
  const now = ctx.app.now();
  return rows.map((r) => presentItem(r, now));
}

/** A message for a peer as the policy room sees it: its kind, categories and markings (ours as originator). */
export function outgoingMessage(app: AppContext, peer: PolicyPeer, input: ExchangeItemInput): OutgoingItem {
  return {
    peer,
    item: {
      kind: input.kind,
      categories: input.categories,
      ...(input.consentRecorded !== undefined && { consentRecorded: input.consentRecorded }),
      ...(input.subjectNationalities && { subjectNationalities: input.subjectNationalities }),
      ...(input.ongoingOperation !== undefined && { ongoingOperation: input.ongoingOperation }),
    },
    markings: { originAgency: app.config.nodeAgency, ...input.markings },
  };
}

export function checkSendPolicy(
  ctx: Ctx,
  actor: Actor,
  peer: PolicyPeer,
  input: ExchangeItemInput,
): PolicyVerdict {
  authorize(actor, 'exchange.send');
  return decideOutgoing(ctx.app, outgoingMessage(ctx.app, peer, input));
}

/**
 * Sends a request, reply, spontaneous information, notification or rescue alert: the sender's country's
 * outbound rules decide first; then the item, its outbox message and the audit entry commit together.
 */
export async function sendItem(ctx: Ctx, actor: Actor, input: ExchangeItemInput): Promise<ExchangeItem> {
  authorize(actor, 'exchange.send');
  const peer = await findPeer(ctx.app.db, input.peer);
  if (!peer)
    throw new LiaisonError('invalid-input', `No peer ${input.peer}.`, {
      fields: [{ path: '/peer', message: 'Unknown peer', code: 'not_found' }],
    });
  if (peer.status !== 'active')
    throw new LiaisonError('conflict', `The peer ${peer.node_name} is suspended.`);
  let threadId: string = randomUUID();
  if (input.kind === 'reply' && !input.inReplyTo)
    throw new LiaisonError('invalid-input', 'A reply names the message it answers.', {
      fields: [{ path: '/inReplyTo', message: 'Required for a reply' }],
    });
  if (input.inReplyTo) {
    const original = await ctx.app.db
      .selectFrom('exchange_items')
      .select(['thread_id', 'peer_id'])
      .where('id', '=', input.inReplyTo)
      .executeTakeFirst();
    if (!original || original.peer_id !== peer.id)
      throw new LiaisonError('invalid-input', 'No such message in an exchange with this peer.', {
        fields: [{ path: '/inReplyTo', message: 'Unknown message', code: 'not_found' }],
      });
    threadId = original.thread_id;
  }
  const policy = decideOutgoing(ctx.app, outgoingMessage(ctx.app, peer, input));
  if (!policy.allowed) await refuseOutgoing(ctx, actor, policy, 'exchange_item');
  const now = ctx.app.now();
  const id = randomUUID();
  const markings = policy.input.markings;
  // Records sent with it (a fugitive, a sighting, an operation), as the rules let them go.
  const sent = await outgoingRecords(ctx, actor, peer, markings, input.records ?? []);
  const item = {
    id,
    kind: input.kind,
    threadId,
    inReplyTo: input.inReplyTo ?? null,
    subject: input.subject,
    body: input.body,
    language: input.language,
    priority: input.priority,
    deadline: input.deadline ?? null,
    questions: input.questions,
    translations: input.translations,
    identifiers: normaliseRefs(input.identifiers),
    attachments: input.attachments,
    records: sent.records,
    categories: input.categories,
    policyItem: policy.input.item,
    markings,
    hitReference: input.hitReference ?? null,
    author: actor.displayName,
    authorAgency: actor.agencyCode,
    createdAt: now.toISOString(),
  };
  const values = {
    id,
    peer_id: peer.id,
    direction: 'out' as const,
    kind: item.kind,
    thread_id: threadId,
    in_reply_to: item.inReplyTo,
    subject: item.subject,
    body: item.body,
    priority: item.priority,
    deadline: item.deadline,
    questions: JSON.stringify(item.questions),
    translations: JSON.stringify(item.translations),
    identifiers: JSON.stringify(item.identifiers),
    attachments: JSON.stringify(item.attachments),
    records: JSON.stringify(item.records),
    categories: item.categories,
    markings: JSON.stringify(markings),
    hit_reference: item.hitReference,
    author_name: item.author,
    author_agency: item.authorAgency,
    created_by: actingUserId(actor),
    created_at: now,
    delivery_state: 'queued' as const,
    obligations: '[]',
    retain_until: markings.retainUntil ?? null,
  };
  await withAudit(ctx.app.db, async (trx) => {
    await trx.insertInto('exchange_items').values(values).execute();
    const queued = await enqueueMessage(trx, ctx.app, peer.id, 'exchange.item', item);
    await auditWithheld(ctx, trx, actor, id, peer.node_name, sent.withheld);
    await audit(
      { ...ctx, trx },
      actor,
      `exchange.${input.kind}.sent`,
      { type: 'exchange_item', id: id },
      {
        peer: peer.node_name,
        messageId: queued.id,
        seq: queued.seq,
        policy: policy.details,
      },
      { purpose: ctx.purpose },
    );
  });
  federationOf(ctx.app).kick();
  // What was just stored, presented without reading it back (a new item has no reply yet).
  return presentItem(
    {
      ...values,
      deadline: values.deadline === null ? null : new Date(values.deadline),
      questions: item.questions,
      translations: item.translations,
      identifiers: item.identifiers,
      attachments: item.attachments,
      records: item.records,
      markings,
      obligations: [],
      delivery_error: null,
      acknowledged_at: null,
      read_at: null,
      reminded_at: null,
      node_name: peer.node_name,
      agency_code: peer.agency_code,
      replied: false,
    } as Parameters<typeof presentItem>[0],
    now,
  );
}

/** Read or acknowledged on this node: recorded, and the originating node is told (a receipt message). */
export async function markItem(
  ctx: Ctx,
  actor: Actor,
  id: string,
  state: 'read' | 'acknowledged',
): Promise<ExchangeItem> {
  authorize(actor, state === 'read' ? 'exchange.read' : 'exchange.send');
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    const item = await trx
      .selectFrom('exchange_items')
      .select(['id', 'peer_id', 'direction', 'read_at', 'acknowledged_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw new LiaisonError('not-found', 'No such message.');
    if (item.direction !== 'in')
      throw new LiaisonError('conflict', 'Only received messages are read or acknowledged.');
    if ((state === 'read' && item.read_at) || (state === 'acknowledged' && item.acknowledged_at)) return;
    await trx
      .updateTable('exchange_items')
      .set(
        state === 'read'
          ? { read_at: now }
          : { acknowledged_at: now, read_at: sql`coalesce(read_at, ${now})` },
      )
      .where('id', '=', id)
      .execute();
    await enqueueMessage(trx, ctx.app, item.peer_id, 'exchange.receipt', {
      itemId: id,
      state,
      at: now.toISOString(),
      by: actor.displayName,
    });
    await audit(
      { ...ctx, trx },
      actor,
      `exchange.item.${state}`,
      { type: 'exchange_item', id: id },
      {},
      { purpose: ctx.purpose },
    );
  });
  federationOf(ctx.app).kick();
  return readItemAfterWrite(ctx, id);
}

/** Requests past their deadline without a reply: one reminder each, live and audited. */
export async function remindOverdue(app: AppContext): Promise<number> {
  const now = app.now();
  const due = await app.db
    .selectFrom('exchange_items as i')
    .select(['i.id', 'i.direction', 'i.subject', 'i.thread_id'])
    .where('i.kind', '=', 'request')
    .where('i.reminded_at', 'is', null)
    .where('i.deadline', '<', now)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('exchange_items as r')
            .select('r.id')
            .whereRef('r.in_reply_to', '=', 'i.id')
            .where('r.kind', '=', 'reply'),
        ),
      ),
    )
    .limit(200)
    .execute();
  if (due.length === 0) return 0;
  await withAudit(app.db, async (trx) => {
    await trx
      .updateTable('exchange_items')
      .set({ reminded_at: now })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    for (const item of due)
      await audit(
        { app, ip: null, trx },
        { actorId: null, actorAgency: app.config.nodeAgency },
        'exchange.request.overdue',
        { type: 'exchange_item', id: item.id },
      );
  });
  for (const item of due) {
    await app.events.publish({
      type: 'exchange.overdue',
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'exchange.read' },
      payload: { itemId: item.id, threadId: item.thread_id, direction: item.direction },
    });
  }
  return due.length;
}
