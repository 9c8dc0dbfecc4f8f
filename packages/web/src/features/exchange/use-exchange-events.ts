import { useEffect, useState } from 'react';

export interface ExchangeEvent {
  type: string;
  payload: {
    itemId?: string;
    itemIds?: string[];
    threadId?: string;
    kind?: string;
    peer?: string;
    peerAgency?: string;
    priority?: string;
    state?: string;
    reference?: string;
    hit?: boolean;
  };
  at: number;
}

const eventTypes = [
  'exchange.message',
  'exchange.receipt',
  'exchange.delivery',
  'exchange.overdue',
  'rescue.alert',
  'hit.query',
];

/**
 * The exchange's live stream (GET /api/v1/exchange/events, Server-Sent Events): arrivals, receipts, overdue
 * reminders, delivery-state changes of what this agency sent. The browser reconnects by itself. `arrivals`
 * counts new messages since `markSeen`.
 */
export function useExchangeEvents() {
  const [latest, setLatest] = useState<ExchangeEvent | null>(null);
  const [arrivals, setArrivals] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/exchange/events', { withCredentials: true });
    const listener = (message: MessageEvent<string>) => {
      let payload: ExchangeEvent['payload'];
      try {
        payload = JSON.parse(message.data) as ExchangeEvent['payload'];
      } catch {
        return; // A malformed event is dropped rather than breaking the stream.
      }
      setLatest({ type: message.type, payload, at: Date.now() });
      if (message.type === 'exchange.message' || message.type === 'rescue.alert') setArrivals((n) => n + 1);
    };
    for (const type of eventTypes) source.addEventListener(type, listener as EventListener);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, []);
  return { latest, arrivals, connected, markSeen: () => setArrivals(0) };
}
