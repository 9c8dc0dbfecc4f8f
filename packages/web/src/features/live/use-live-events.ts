import type { LiveEventData } from '@liaison/core/events/live-event';
import { useEffect, useSyncExternalStore } from 'react';

export interface LiveMessage extends LiveEventData {
  /** When this tab received it (ms since epoch). */
  receivedAt: number;
}

/** The event types the web app listens to; the server names them in its event bus. */
export const liveEventTypes = [
  'hit.raised',
  'access-request.created',
  'access-request.decided',
  // The fugitive flag's alerts (features/fugitive-flag shows them in a panel of its own).
  'fugitive.flag',
  'fugitive.flag.notice',
] as const;

interface LiveState {
  events: readonly LiveMessage[];
  unread: number;
  connected: boolean;
}

type Listener = (event: LiveMessage) => void;

/**
 * One EventSource per tab, shared by every component that listens (header badge, case hits panel…): a second
 * stream per panel would double the server's connections for nothing. It opens with the first subscriber and
 * closes with the last.
 */
class LiveStream {
  private source: EventSource | null = null;
  private subscribers = new Set<() => void>();
  private listeners = new Set<Listener>();
  state: LiveState = { events: [], unread: 0, connected: false };

  subscribe = (onChange: () => void): (() => void) => {
    this.subscribers.add(onChange);
    this.open();
    return () => {
      this.subscribers.delete(onChange);
      if (this.subscribers.size === 0 && this.listeners.size === 0) this.close();
    };
  };

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.subscribers.size === 0 && this.listeners.size === 0) this.close();
    };
  }

  markRead(): void {
    this.update({ unread: 0 });
  }

  private update(change: Partial<LiveState>): void {
    this.state = { ...this.state, ...change };
    for (const notify of this.subscribers) notify();
  }

  private open(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const onMessage = (message: MessageEvent<string>) => {
      let event: LiveMessage;
      try {
        const parsed = JSON.parse(message.data) as LiveEventData;
        event = { type: parsed.type, payload: parsed.payload ?? {}, receivedAt: Date.now() };
      } catch {
        return; // A malformed event is dropped rather than breaking the stream.
      }
      // The header's count is of hits and requests; a fugitive flag has its own panel.
      const counted = event.type.startsWith('fugitive.') ? 0 : 1;
      this.update({
        events: [event, ...this.state.events].slice(0, 100),
        unread: this.state.unread + counted,
      });
      for (const listener of this.listeners) listener(event);
    };
    for (const type of liveEventTypes) source.addEventListener(type, onMessage as EventListener);
    source.onopen = () => this.update({ connected: true });
    source.onerror = () => this.update({ connected: false });
    this.source = source;
  }

  private close(): void {
    this.source?.close();
    this.source = null;
    this.update({ connected: false });
  }
}

const stream = new LiveStream();
const serverState: LiveState = { events: [], unread: 0, connected: false };

/**
 * The signed-in user's live events (GET /api/v1/events, Server-Sent Events). The browser reconnects by itself;
 * `unread` counts events since the last `markRead`. Event text carries ids only: details are fetched on demand.
 */
export function useLiveEvents() {
  const state = useSyncExternalStore(
    stream.subscribe,
    () => stream.state,
    () => serverState,
  );
  return { ...state, markRead: () => stream.markRead() };
}

/** Calls `onEvent` for each live event as it arrives (e.g. to reload a list); the latest callback is used. */
export function useLiveEvent(onEvent: Listener, deps: readonly unknown[]): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when `onEvent` changes
  useEffect(() => stream.listen(onEvent), deps);
}
