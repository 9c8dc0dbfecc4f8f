import { ExchangeKind } from '@liaison/core/exchange/schemas';
import type { DeliveryListener, MessageHandler } from '../federation/outbox.ts';
import { checkIncoming, retainUntilOf } from '../policy/decide.ts';
import { insertExchangeItems } from './exchange-items.ts';
import { incomingRecords } from './record-items.ts';

// An item from a peer: the receiving country's inbound rules (the policy room's inbound check) decide whether
// it is kept and with which obligations (H2 → no forwarding or export; retention date and disposal); then it is
// stored and announced.
const applyExchangeItem: MessageHandler = async ({ app, peer, message, afterCommit, audit, batched }) => {
  const item = message.body as Record<string, unknown> & {
    id: string;
    kind: string;
    threadId: string;
    markings: unknown;
    policyItem: unknown;
  };
  const kind = ExchangeKind.safeParse(item.kind);
  if (!kind.success || typeof item.id !== 'string') return { outcome: 'rejected', reason: 'malformed item' };
  const check = checkIncoming(app, peer, item, audit, { recordType: 'exchange_item', recordId: item.id });
  if (!check.allowed)
    return { outcome: 'rejected', reason: check.malformed ? 'malformed item' : check.reason };
  // Records it carries (a fugitive, a sighting...) pass the inbound rules on their guarded fields too.
  const records = incomingRecords(app, peer, item, audit);
  if (!records.ok) return { outcome: 'rejected', reason: records.reason };
  await batched(insertExchangeItems, {
    id: item.id,
    peer_id: peer.id,
    direction: 'in',
    kind: kind.data,
    thread_id: item.threadId,
    in_reply_to: (item.inReplyTo as string | null) ?? null,
    subject: String(item.subject ?? ''),
    body: String(item.body ?? ''),
    priority: String(item.priority ?? 'normal'),
    deadline: (item.deadline as string | null) ?? null,
    questions: JSON.stringify(item.questions ?? []),
    translations: JSON.stringify(item.translations ?? {}),
    identifiers: JSON.stringify(item.identifiers ?? []),
    attachments: JSON.stringify(item.attachments ?? []),
    records: JSON.stringify(records.records),
    categories: check.item.categories,
    markings: JSON.stringify(check.markings),
    hit_reference: (item.hitReference as string | null) ?? null,
    author_name: String(item.author ?? ''),
    author_agency: peer.agency_code,
    created_by: null,
    created_at: String(item.createdAt ?? message.createdAt),
    obligations: JSON.stringify(check.obligations),
    retain_until: retainUntilOf(check),
  });
  audit({
    actorId: null,
    actorAgency: peer.agency_code,
    action: `exchange.${kind.data}.received`,
    recordType: 'exchange_item',
    recordId: item.id,
    ip: null,
    details: {
      peer: peer.node_name,
      messageId: message.id,
      seq: message.seq,
      policy: check.verdict.details,
    },
  });
  afterCommit(() =>
    app.events.publish({
      type: kind.data === 'rescue_alert' ? 'rescue.alert' : 'exchange.message',
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'exchange.read' },
      payload: {
        itemId: item.id,
        threadId: item.threadId,
        kind: kind.data,
        peer: peer.node_name,
        peerAgency: peer.agency_code,
        priority: item.priority ?? 'normal',
      },
    }),
  );
  return { outcome: 'applied' };
};

// The peer read or acknowledged one of our items.
const applyExchangeReceipt: MessageHandler = async ({ trx, app, peer, message, afterCommit }) => {
  const { itemId, state, at } = message.body as {
    itemId: string;
    state: 'read' | 'acknowledged';
    at: string;
  };
  const updated = await trx
    .updateTable('exchange_items')
    .set(
      state === 'read'
        ? { read_at: at, delivery_state: 'read' }
        : { acknowledged_at: at, delivery_state: 'read' },
    )
    .where('id', '=', itemId)
    .where('peer_id', '=', peer.id)
    .where('direction', '=', 'out')
    .returning('id')
    .executeTakeFirst();
  if (!updated) return { outcome: 'rejected', reason: 'receipt for an unknown item' };
  afterCommit(() =>
    app.events.publish({
      type: 'exchange.receipt',
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'exchange.read' },
      payload: { itemId, state },
    }),
  );
  return { outcome: 'applied' };
};

// The delivery state the sender sees: queued → delivered (the peer stored it) → read; or failed, with why.
// The senders' agency sees the change live (one event per batch: ids and the state, nothing else).
const onExchangeItemSettled: DeliveryListener = async (trx, app, messages, state, error) => {
  const updated = await trx
    .updateTable('exchange_items')
    .set({ delivery_state: state, delivery_error: error })
    .where(
      'id',
      'in',
      messages.map((m) => String(m.body.id)),
    )
    .where('delivery_state', 'in', ['queued', 'sent'])
    .returning('id')
    .execute();
  if (updated.length === 0) return [];
  return [
    {
      type: 'exchange.delivery',
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'exchange.read' },
      payload: { itemIds: updated.map((u) => u.id), state },
    },
  ];
};

/** A peer's messages and receipts (exchange/manifest.ts). */
export const exchangeMessageHandlers: Readonly<Record<string, MessageHandler>> = {
  'exchange.item': applyExchangeItem,
  'exchange.receipt': applyExchangeReceipt,
};

/** Told when a peer acknowledged or refused our messages (exchange/manifest.ts). */
export const exchangeDeliveryListeners: Readonly<Record<string, DeliveryListener>> = {
  'exchange.item': onExchangeItemSettled,
};
