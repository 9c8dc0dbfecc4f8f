import { useEffect, useRef, useState } from 'react';

/**
 * Calls `onEntry` when a new entry of this operation's log is recorded (the `operation.log` server-sent event),
 * for as long as the operation's page or log screen is open. Its own stream, listening to that event only: the
 * header's shared stream (features/live) counts unread hits and toasts, which a raid's every line would flood.
 * Returns whether the stream is connected (the log screen says "Live" or "Reconnecting…").
 */
export function useOperationLog(operationId: string, onEntry: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const callback = useRef(onEntry);
  callback.current = onEntry;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    source.addEventListener('operation.log', (message) => {
      try {
        const data = JSON.parse((message as MessageEvent<string>).data) as {
          payload?: { operationId?: string };
        };
        if (data.payload?.operationId === operationId) callback.current();
      } catch {
        // A malformed event is dropped rather than breaking the stream.
      }
    });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [operationId]);
  return connected;
}
