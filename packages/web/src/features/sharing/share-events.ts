import { useEffect, useState } from 'react';

/** The live event of a share's delivery (server: federation/case-sync/share-delivery.ts). */
export const shareDeliveryEvent = 'exchange.case-share';

/** Whether an `exchange.case-share` event's data is about this case (a malformed event is not). */
export function isDeliveryOf(caseId: string, data: string): boolean {
  try {
    const payload = JSON.parse(data) as { caseId?: unknown } | null;
    return payload?.caseId === caseId;
  } catch {
    return false;
  }
}

/**
 * While `listening`, follows the exchange's live stream (GET /api/v1/exchange/events) and calls `onDelivery`
 * when a share of this case was delivered or refused, and each time the stream (re)connects, since a delivery
 * may have settled while nothing listened. Answers whether the stream is connected; the browser reconnects
 * by itself. `onDelivery` should be stable (e.g. a resource's `reload`): a new one opens a new stream.
 */
export function useShareDeliveryEvents(caseId: string, listening: boolean, onDelivery: () => void): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!listening || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/exchange/events', { withCredentials: true });
    source.addEventListener(shareDeliveryEvent, ((message: MessageEvent<string>) => {
      if (isDeliveryOf(caseId, message.data)) onDelivery();
    }) as EventListener);
    source.onopen = () => {
      setConnected(true);
      onDelivery();
    };
    source.onerror = () => setConnected(false);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [caseId, listening, onDelivery]);
  return connected;
}
