import type { LiveEvent } from '../../events/event-bus.ts';
import type { DeliveryListener } from '../outbox.ts';
import { refOf } from './inbound.ts';

// The delivery of a `case.share` message, live: when the peer stored it (or its rules refused it), the
// sharing agency's users who may read cases hear `exchange.case-share` with the case, the peer and the state,
// on the exchange's live stream (its `exchange.` types), so the case page's Partners tab reloads its list.
// The state itself is the outbox row's, read by `share-list.ts`; the event carries no more than ids.

export const caseShareDeliveryEvent = 'exchange.case-share';

const onCaseShareSettled: DeliveryListener = async (_trx, app, messages, state) => {
  const events = new Map<string, LiveEvent>();
  for (const message of messages) {
    const ref = refOf(message.body);
    const peer = message.body.sharedWith;
    if (!ref || typeof peer !== 'string') continue; // queued before the message named its peer
    events.set(`${ref.caseId} ${peer}`, {
      type: caseShareDeliveryEvent,
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'cases.read' },
      payload: { caseId: ref.caseId, peer, state },
    });
  }
  return [...events.values()];
};

/** Told when a peer acknowledged or refused our case shares (federation/manifest.ts). */
export const caseShareDeliveryListeners: Readonly<Record<string, DeliveryListener>> = {
  'case.share': onCaseShareSettled,
};
