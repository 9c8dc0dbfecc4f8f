import type { EventBus, LiveEvent, LiveEventListener } from './event-bus.ts';

/** In-process delivery; also the fan-out half of the PostgreSQL driver. */
export class LocalEventBus implements EventBus {
  private readonly listeners = new Set<LiveEventListener>();

  async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
  }

  deliver(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed stream) must not stop delivery to the others.
      }
    }
  }

  subscribe(listener: LiveEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
