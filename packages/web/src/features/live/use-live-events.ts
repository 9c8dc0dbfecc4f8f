import { useEffect, useRef, useState } from 'react';

export interface LiveMessage {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * The signed-in user's live events (GET /api/v1/events, Server-Sent Events). The browser reconnects by itself;
 * `unread` counts events since the last `markRead`. Event text carries ids only: details are fetched on demand.
 */
export function useLiveEvents(
  types: readonly string[] = ['hit.raised', 'access-request.created', 'access-request.decided'],
) {
  const [events, setEvents] = useState<LiveMessage[]>([]);
  const [unread, setUnread] = useState(0);
  const [connected, setConnected] = useState(false);
  const typesKey = types.join(',');
  const typesRef = useRef(types);
  typesRef.current = types;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const onMessage = (message: MessageEvent<string>) => {
      try {
        const event = JSON.parse(message.data) as LiveMessage;
        setEvents((previous) => [event, ...previous].slice(0, 100));
        setUnread((count) => count + 1);
      } catch {
        // A malformed event is dropped rather than breaking the stream.
      }
    };
    for (const type of typesRef.current) source.addEventListener(type, onMessage as EventListener);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [typesKey]);

  return { events, unread, connected, markRead: () => setUnread(0) };
}
