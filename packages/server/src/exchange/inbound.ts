import { ExchangeKind } from '@liaison/core/exchange/schemas';
import { type Obligation, PolicyItem, PolicyMarkings, policyAuditDetails } from '@liaison/core/policy/index';
import { registerDeliveryListener, registerMessageHandler } from '../federation/outbox.ts';
import { decidePolicy } from './policy.ts';

// An item from a peer: the receiving country's inbound rules decide whether it is kept and with which
// obligations (H2 → no forwarding or export; retention date and disposal); then it is stored and announced.
registerMessageHandler('exchange.item', async ({ app, peer, message, afterCommit, audit, insertItem }) => {
  const item = message.body as Record<string, unknown> & {
    id: string;
    kind: string;
    threadId: string;
    markings: unknown;
    policyItem: unknown;
  };
  const kind = ExchangeKind.safeParse(item.kind);
  const markings = PolicyMarkings.safeParse(item.markings);
  const policyItem = PolicyItem.safeParse(item.policyItem);
  if (!kind.success || !markings.success || !policyItem.success || typeof item.id !== 'string')
    return { outcome: 'rejected', reason: 'malformed item' };
  if (markings.data.originAgency !== peer.agency_code)
    return {
      outcome: 'rejected',
      reason: `originating agency ${markings.data.originAgency} is not the sending peer's`,
    };
  const input = {
    action: 'receive' as const,
    sender: { agency: peer.agency_code, country: peer.country },
    recipient: { agency: app.config.nodeAgency, country: app.config.nodeCountry },
    item: policyItem.data,
    markings: markings.data,
    now: app.now().toISOString(),
  };
  const decision = decidePolicy(app, input);
  if (!decision.allowed) {
    audit({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'policy.blocked',
      recordType: 'exchange_item',
      recordId: item.id,
      ip: null,
      details: policyAuditDetails(input, decision),
    });
    return { outcome: 'rejected', reason: decision.explanation };
  }
  const retention = decision.obligations.find(
    (o): o is Extract<Obligation, { kind: 'retain_until' }> => o.kind === 'retain_until',
  );
  await insertItem({
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
    categories: policyItem.data.categories,
    markings: JSON.stringify(markings.data),
    hit_reference: (item.hitReference as string | null) ?? null,
    author_name: String(item.author ?? ''),
    author_agency: peer.agency_code,
    created_by: null,
    created_at: String(item.createdAt ?? message.createdAt),
    obligations: JSON.stringify(decision.obligations),
    retain_until: retention?.until ?? markings.data.retainUntil ?? null,
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
      policy: policyAuditDetails(input, decision),
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
});

// The peer read or acknowledged one of our items.
registerMessageHandler('exchange.receipt', async ({ trx, app, peer, message, afterCommit }) => {
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
});

// The delivery state the sender sees: queued → delivered (the peer stored it) → read; or failed, with why.
// The senders' agency sees the change live (one event per batch: ids and the state, nothing else).
registerDeliveryListener('exchange.item', async (trx, app, messages, state, error) => {
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
});
