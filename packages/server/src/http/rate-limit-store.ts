import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
type StoreOptions = { continueExceeding?: boolean; exponentialBackoff?: boolean };

/** Expired counters are deleted at most this often per process (a row per route and address otherwise stays). */
const purgeEveryMs = 10 * 60_000;
/** Budgets known to be spent, per process: at most this many (the oldest is forgotten first). */
const maxBlocked = 10_000;

/**
 * A @fastify/rate-limit store in the node's database (`rate_limit_counters`), on PGlite and PostgreSQL alike:
 * processes sharing one PostgreSQL count against one budget per route and client address, and a restart keeps
 * the count. Each counted request is one atomic upsert that starts a new window once the last one has ended
 * (the window opens with the first hit, as in the plugin's in-memory store), on the database's clock so that
 * processes agree. Once a budget is spent, the process answers the rest of that window from memory: the count
 * only grows within a window, so it stays spent, and a flood of refused requests writes nothing.
 */
export function databaseRateLimitStore(app: AppContext): FastifyRateLimitStoreCtor {
  let nextPurge = 0;
  const purge = async () => {
    if (Date.now() < nextPurge) return;
    nextPurge = Date.now() + purgeEveryMs;
    try {
      await sql`delete from rate_limit_counters where expires_at < now()`.execute(app.db);
    } catch (error) {
      app.log.warn({ err: error }, 'could not delete expired rate-limit counters');
    }
  };
  // Shared by the route stores (their keys name the route): spent budgets, and until when (this clock).
  const blocked = new Map<string, { current: number; until: number }>();
  const remember = (key: string, result: Result) => {
    if (blocked.size >= maxBlocked) blocked.delete(blocked.keys().next().value!);
    blocked.set(key, { current: result.current, until: Date.now() + result.ttl });
  };

  const count = async (key: string, timeWindow: number): Promise<Result> => {
    const { rows } = await sql<{ hits: number; ttl: string }>`
      insert into rate_limit_counters as c (key, hits, expires_at)
      values (${key}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
      on conflict (key) do update set
        hits = case when c.expires_at <= now() then 1 else c.hits + 1 end,
        expires_at = case when c.expires_at <= now() then excluded.expires_at else c.expires_at end
      returning hits, extract(epoch from expires_at - now()) * 1000 as ttl`.execute(app.db);
    await purge();
    return toResult(rows[0]);
  };

  class DatabaseRateLimitStore {
    // The plugin constructs the root store with its options, and a child per route; a child counts per route.
    constructor(
      options?: StoreOptions,
      private readonly route = '',
    ) {
      refuseUnsupported(options);
    }

    // The plugin passes the route's merged options with the route as `routeInfo` (its types say otherwise).
    child(
      options: StoreOptions & { routeInfo?: { method?: string | string[]; url?: string } },
    ): DatabaseRateLimitStore {
      const info = options.routeInfo ?? {};
      return new DatabaseRateLimitStore(options, `${[info.method ?? ''].flat().join(',')} ${info.url ?? ''}`);
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const id = `${this.route} ${key}`;
      const spent = blocked.get(id);
      if (spent && spent.until > Date.now()) {
        spent.current += 1;
        callback(null, { current: spent.current, ttl: spent.until - Date.now() });
        return;
      }
      if (spent) blocked.delete(id);
      count(id, timeWindow).then(
        (result) => {
          if (result.current > max) remember(id, result);
          callback(null, result);
        },
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      sql<{ hits: number; ttl: string }>`
        select hits, extract(epoch from expires_at - now()) * 1000 as ttl
        from rate_limit_counters where key = ${`${this.route} ${key}`} and expires_at > now()`
        .execute(app.db)
        .then(
          ({ rows: [row] }) => callback(null, toResult(row)),
          (error: Error) => callback(error),
        );
    }
  }
  return DatabaseRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

function toResult(row: { hits: number; ttl: string } | undefined): Result {
  return { current: row?.hits ?? 0, ttl: Math.max(0, Math.round(Number(row?.ttl ?? 0))) };
}

/** What the plugin's own stores do besides counting; refused rather than silently ignored. */
function refuseUnsupported(options: StoreOptions | undefined): void {
  if (options?.continueExceeding || options?.exponentialBackoff)
    throw new Error(
      'The database rate-limit store supports neither continueExceeding nor exponentialBackoff.',
    );
}
