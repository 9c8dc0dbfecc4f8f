import { type ExchangeEventPayload, ExchangeEventType } from '@liaison/core/exchange/live-events';
import { useEffect, useState } from 'react';

/** One event of the exchange's live stream as the screens hold it: its type, core's payload, when it came. */
export interface ExchangeEvent {
  type: string;
  payload: ExchangeEventPayload;
  at: number;
}

const eventTypes = ExchangeEventType.options;

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
      let payload: ExchangeEventPayload;
      try {
        payload = JSON.parse(message.data) as ExchangeEventPayload;
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
