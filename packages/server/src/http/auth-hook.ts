import { hasPermission, LiaisonError, type Permission } from '@liaison/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../accounts/session-cookie.ts';
import { resolveApiToken, resolveSession } from '../accounts/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Access } from './access.ts';

export interface AccessTableEntry {
  method: string;
  url: string;
  access: Access;
  /** The route's request schemas (zod), walked by the bad-input property test. */
  schema: { body?: unknown; querystring?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule, as registered (walked by the access test). */
    accessTable: AccessTableEntry[];
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function identify(app: AppContext, request: FastifyRequest): Promise<void> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    request.actor = await resolveApiToken(app, authorization.slice(7).trim());
    if (!request.actor)
      throw new LiaisonError('unauthenticated', 'The API token is unknown, expired or revoked.');
    return;
  }
  const token = request.cookies[sessionCookieName(app.config)];
  if (!token) return;
  const session = await resolveSession(app, token);
  if (!session) return;
  request.actor = session.actor;
  request.session = {
    hash: session.sessionHash,
    csrfToken: session.csrfToken,
    mustEnrolTotp: session.mustEnrolTotp,
  };
}

/** Runs before every route: who is calling, may they, and is a cookie-borne write really from our app. */
export function registerAuthHook(fastify: FastifyInstance, app: AppContext): void {
  fastify.decorateRequest('actor', null);
  fastify.decorateRequest('session', null);
  fastify.decorate('accessTable', [] as AccessTableEntry[]);
  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (deny by default).`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const schema = { body: route.schema?.body, querystring: route.schema?.querystring };
      fastify.accessTable.push({ method, url: route.url, access, schema });
    }
  });
  fastify.addHook('onRequest', async (request) => {
    const access: Access | undefined = request.routeOptions.config?.access;
    if (access === 'public' || access === undefined) return;
    await identify(app, request);
    if (!request.actor) throw new LiaisonError('unauthenticated');
    if (request.session && unsafeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== request.session.csrfToken) throw new LiaisonError('csrf-failed');
    }
    if (access === 'enrolling') return;
    if (request.session?.mustEnrolTotp) throw new LiaisonError('totp-enrolment-required');
    if (access === 'signed-in') return;
    const needed = [access as Permission | Permission[]].flat();
    if (!needed.some((permission) => hasPermission(request.actor!.roles, permission))) {
      throw new LiaisonError('forbidden', `The permission "${needed.join('" or "')}" is required.`);
    }
  });
}
