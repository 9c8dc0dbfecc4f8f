import {
  ApiToken,
  ApiTokenCreated,
  Language,
  LiaisonError,
  LoginInput,
  LoginSession,
  Me,
  permissionsOf,
  plainText,
  TimeZone,
  TotpConfirmation,
  TotpSetup,
} from '@liaison/core';
import { NoContent } from '@liaison/core/contract/responses';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../api-tokens-service.ts';
import { login, logout } from '../auth-service.ts';
import { sessionCookieName, sessionCookieOptions } from '../session-cookie.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../totp-service.ts';
import { readOwnAccount, updateOwnPreferences } from '../users-service.ts';

export const authRoutes: RouteModule = (api, app) => {
  const sessionCookie = sessionCookieName(app.config);
  const cookieOptions = sessionCookieOptions(app.config);

  api.post(
    '/api/v1/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], body: LoginInput, response: { 200: LoginSession } },
    },
    async (request, reply) => {
      const session = await login(ctxOf(app, request), request.body, request.headers['user-agent'] ?? null);
      reply.setCookie(sessionCookie, session.token, cookieOptions);
      return { csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'enrolling' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({ everywhere: z.boolean().default(false) }).optional(),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.session) {
        await logout(
          ctxOf(app, request),
          { userId: actor.userId, agencyCode: actor.agencyCode, sessionHash: request.session.hash },
          request.body?.everywhere ?? false,
        );
      }
      reply.clearCookie(sessionCookie, { path: '/', secure: cookieOptions.secure });
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/v1/me',
    { config: { access: 'enrolling' }, schema: { tags: ['auth'], response: { 200: Me } } },
    async (request) => {
      const actor = actorOf(request);
      const user = await readOwnAccount(ctxOf(app, request), actor);
      const places = await app.db
        .selectFrom('agencies')
        .leftJoin('units', (join) =>
          join.on('units.id', '=', user.unitId ?? '00000000-0000-0000-0000-000000000000'),
        )
        .select(['agencies.name as agencyName', 'units.name as unitName'])
        .where('agencies.id', '=', user.agencyId)
        .executeTakeFirstOrThrow();
      return {
        ...user,
        agencyName: places.agencyName,
        unitName: places.unitName,
        permissions: [...permissionsOf(actor.roles)],
        csrfToken: request.session?.csrfToken ?? '',
        mustEnrolTotp: request.session?.mustEnrolTotp ?? false,
      };
    },
  );

  api.patch(
    '/api/v1/me/preferences',
    {
      config: { access: 'enrolling' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({ language: Language.optional(), timeZone: TimeZone.optional() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await updateOwnPreferences(ctxOf(app, request), actorOf(request), request.body);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/v1/auth/totp/setup',
    { config: { access: 'enrolling' }, schema: { tags: ['auth'], response: { 200: TotpSetup } } },
    async (request) => {
      const actor = actorOf(request);
      if (actor.via !== 'session')
        throw new LiaisonError('forbidden', 'Enrol from a signed-in browser session.');
      return startTotpEnrolment(ctxOf(app, request), actor);
    },
  );

  api.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'enrolling' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({ code: z.string().max(20) }),
        response: { 200: TotpConfirmation },
      },
    },
    async (request) => confirmTotpEnrolment(ctxOf(app, request), actorOf(request), request.body.code),
  );

  api.get(
    '/api/v1/me/tokens',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], response: { 200: z.array(ApiToken) } },
    },
    async (request) => listApiTokens(ctxOf(app, request), actorOf(request)),
  );

  api.post(
    '/api/v1/me/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        body: z.strictObject({
          name: plainText().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(730).optional(),
        }),
        response: { 201: ApiTokenCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiToken(ctxOf(app, request), actorOf(request), request.body)),
  );

  api.delete(
    '/api/v1/me/tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], params: z.object({ id: z.uuid() }), response: { 204: NoContent } },
    },
    async (request, reply) => {
      await revokeApiToken(ctxOf(app, request), actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
