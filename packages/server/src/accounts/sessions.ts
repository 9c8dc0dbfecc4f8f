import type { Actor } from '@liaison/core';
import type { AppContext, Db } from '../context.ts';
import { tokenUsable } from './api-tokens-service.ts';
import { newSecret, sha256Hex } from './secrets.ts';
import { findUserById } from './users-repository.ts';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  mustEnrolTotp: boolean;
  sessionHash: string;
}

export async function createSession(
  app: AppContext,
  db: Db,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret('ls_');
  const csrfToken = newSecret();
  const now = app.now();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + app.config.sessionAbsoluteMs),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

// Writing last_seen on every request would turn each read into a write; a minute's precision is enough.
const touchEveryMs = 60_000;

/**
 * The signed-in actor for a session cookie, or null when it is unknown, idle too long, expired or disabled.
 * The session row (with its user and agency, one joined query) comes from the process's short-lived cache
 * when a request of the same session came moments ago; expiry is decided on every request all the same. A
 * second query runs only to drop an expired session or to note activity (at most once a minute).
 */
export async function resolveSession(app: AppContext, token: string): Promise<SessionInfo | null> {
  const idHash = sha256Hex(token);
  const now = app.now();
  const row = app.sessions.get(idHash, now.getTime()) ?? (await loadSessionRow(app, idHash, now));
  if (!row) return null;
  const idleExpired = now.getTime() - row.last_seen_at.getTime() > app.config.sessionIdleMs;
  if (row.expires_at <= now || idleExpired) {
    app.sessions.forget(idHash);
    await app.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (row.disabled) return null;
  if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) {
    await app.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
    app.sessions.touch(idHash, now);
  }
  return {
    actor: {
      userId: row.user_id,
      agencyId: row.agency_id,
      agencyCode: row.agency_code,
      unitId: row.unit_id,
      roles: row.roles,
      email: row.email,
      displayName: row.display_name,
      via: 'session',
    },
    csrfToken: row.csrf_token,
    mustEnrolTotp: row.roles.includes('administrator') && row.totp_enrolled_at === null,
    sessionHash: idHash,
  };
}

/** What a request needs of its session: the session, its user and the user's agency, in one query. */
function sessionRowQuery(db: Db, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.agency_id',
      'agencies.code as agency_code',
      'users.unit_id',
      'users.roles',
      'users.email',
      'users.display_name',
      'users.disabled',
      'users.totp_enrolled_at',
    ])
    .where('sessions.id_hash', '=', idHash);
}

export type SessionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof sessionRowQuery>['executeTakeFirst']>>
>;

async function loadSessionRow(app: AppContext, idHash: string, now: Date): Promise<SessionRow | null> {
  const generation = app.sessions.begin();
  const row = await sessionRowQuery(app.db, idHash).executeTakeFirst();
  if (!row) return null;
  app.sessions.store(idHash, row, generation, now.getTime());
  return row;
}

export async function resolveApiToken(app: AppContext, token: string): Promise<Actor | null> {
  const row = await app.db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  const now = app.now();
  if (!row || !tokenUsable(app, row, now)) return null;
  const user = await findUserById(app.db, row.user_id);
  if (!user || user.disabled) return null;
  // As for sessions: a machine client's every call must not become a write; a minute's precision is enough.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > touchEveryMs)
    await app.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.agency_code,
    unitId: user.unit_id,
    roles: user.roles,
    email: user.email,
    displayName: user.display_name,
    via: 'token',
  };
}

export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
