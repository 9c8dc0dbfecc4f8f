import type { AppContext } from '../context.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { SessionRow } from './sessions.ts';

/** The internal event that tells every process of the node to forget cached sessions. No user receives it. */
export const accountsChangedEvent = 'accounts.changed';

/**
 * A short-lived, per-process cache of session rows, so a burst of requests (a page load, a hit check while
 * typing) costs one session lookup instead of one each. Safety rests on three things:
 * - every write that can change who a session belongs to or what it may do (logout, disable, roles, unit,
 *   password or TOTP reset, enrolment) calls `accountsChanged` after its transaction commits, which empties
 *   this process's cache at once and tells the node's other processes through the event bus (LISTEN/NOTIFY
 *   on PostgreSQL);
 * - a lookup that began before a clear is never stored (the generation check), so a row read just before a
 *   commit cannot be cached after it;
 * - an entry lives at most `ttlMs` (default 5 s): a lost notification delays a revocation by that much at most.
 * Expiry (idle and absolute) is still decided on every request from the cached row and the current time.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionRow; storedAt: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Call before reading the database; pass the result to `store`. */
  begin(): number {
    return this.generation;
  }

  get(idHash: string, nowMs: number): SessionRow | null {
    const entry = this.entries.get(idHash);
    if (!entry) return null;
    if (nowMs - entry.storedAt >= this.ttlMs) {
      this.entries.delete(idHash);
      return null;
    }
    return entry.row;
  }

  store(idHash: string, row: SessionRow, generation: number, nowMs: number): void {
    if (this.ttlMs <= 0 || generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(idHash, { row, storedAt: nowMs });
  }

  /** Notes activity on a cached row without extending its life in the cache. */
  touch(idHash: string, lastSeenAt: Date): void {
    const entry = this.entries.get(idHash);
    if (entry) entry.row = { ...entry.row, last_seen_at: lastSeenAt };
  }

  forget(idHash: string): void {
    this.entries.delete(idHash);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Empties the cache whenever any process of the node announces an accounts change. */
  listen(events: EventBus): () => void {
    return events.subscribe((event) => {
      if (event.type === accountsChangedEvent) this.clear();
    });
  }
}

/**
 * After a committed change to sessions, users or agencies: forget cached sessions here and in the node's
 * other processes. The event has an empty audience, so no user's live stream carries it.
 */
export async function accountsChanged(app: AppContext): Promise<void> {
  app.sessions.clear();
  try {
    await app.events.publish({ type: accountsChangedEvent, audience: {}, payload: {} });
  } catch (error) {
    // The change is committed; the other processes' entries expire within the cache's lifetime anyway.
    app.log.warn({ err: error }, 'accounts change not announced to other processes');
  }
}
