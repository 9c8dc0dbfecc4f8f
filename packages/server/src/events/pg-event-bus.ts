import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseHandle } from '../db/database.ts';
import type { EventBus, LiveEvent, LiveEventListener } from './event-bus.ts';
import { LocalEventBus } from './local-event-bus.ts';

export const eventChannel = 'liaison_events';

/**
 * Live events through PostgreSQL NOTIFY: every process sharing the database LISTENs on one channel and fans
 * each notification out to its own subscribers. Events are published after their transaction commits; a
 * notification carries ids and kinds only (NOTIFY payloads are small and may be logged by the server).
 */
abstract class NotifyEventBus implements EventBus {
  protected readonly local = new LocalEventBus();

  protected receive(payload: string | undefined): void {
    if (!payload) return;
    try {
      this.local.deliver(JSON.parse(payload) as LiveEvent);
    } catch {
      // A malformed notification from elsewhere must not stop the listener.
    }
  }

  subscribe(listener: LiveEventListener): () => void {
    return this.local.subscribe(listener);
  }

  abstract publish(event: LiveEvent): Promise<void>;
  abstract close(): Promise<void>;
}

/** PostgreSQL: a dedicated client holds the LISTEN (a pooled connection would drop it), reconnecting on loss. */
export class PostgresEventBus extends NotifyEventBus {
  private client: pg.Client | null = null;
  private connecting: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {
    super();
  }

  static async start(pool: pg.Pool, connectionString: string): Promise<PostgresEventBus> {
    const bus = new PostgresEventBus(pool, connectionString);
    await bus.connect();
    return bus;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => this.receive(message.payload));
    // Every error of this connection is handled here (never an unhandled 'error' event): the connection is
    // replaced unless the bus is closing.
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    this.connecting = client;
    try {
      await client.connect();
      await client.query(`listen ${eventChannel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    } finally {
      this.connecting = null;
    }
    if (this.closed) {
      // Closed while this connection was being made (a reconnect in flight): do not leave it open.
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
  }

  private reconnect(broken: pg.Client): void {
    if (this.closed || this.client !== broken) return;
    this.client = null;
    this.retryLater();
  }

  /** Tries again in a second, and again after each failure, until connected or closed. */
  private retryLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.closed) this.connect().catch(() => this.retryLater());
    }, 1_000);
    this.retry.unref();
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.pool.query('select pg_notify($1, $2)', [eventChannel, JSON.stringify(event)]);
  }

  /** Stops listening and waits until the LISTEN connection (or one being made) has ended. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.local.close();
    const clients = [this.client, this.connecting].filter((c): c is pg.Client => c !== null);
    this.client = null;
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}

/** PGlite: one process, but the same NOTIFY path, so the behaviour matches PostgreSQL. */
export class PgliteEventBus extends NotifyEventBus {
  private unlisten: (() => Promise<void>) | null = null;

  private constructor(private readonly pglite: PGlite) {
    super();
  }

  static async start(pglite: PGlite): Promise<PgliteEventBus> {
    const bus = new PgliteEventBus(pglite);
    bus.unlisten = await pglite.listen(eventChannel, (payload) => bus.receive(payload));
    return bus;
  }

  async publish(event: LiveEvent): Promise<void> {
    await this.pglite.query('select pg_notify($1, $2)', [eventChannel, JSON.stringify(event)]);
  }

  async close(): Promise<void> {
    await this.local.close();
    if (!this.pglite.closed) await this.unlisten?.().catch(() => {});
  }
}

/** The driver that fits the database: NOTIFY where there is one, in-process otherwise. */
export async function startEventBus(database: DatabaseHandle): Promise<EventBus> {
  if (database.kind === 'postgres' && database.pool) {
    const connectionString = (database.pool as unknown as { options: { connectionString?: string } }).options
      .connectionString;
    if (connectionString) return PostgresEventBus.start(database.pool, connectionString);
  }
  if (database.kind === 'pglite' && database.pglite) return PgliteEventBus.start(database.pglite);
  return new LocalEventBus();
}
