import { DatabaseUnavailable, Health, OpenApiDocument, Readiness } from '@liaison/core/system/health';
import { sql } from 'kysely';
import type { RouteModule } from './route-types.ts';

export const systemRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );

  api.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], response: { 200: Readiness, 503: DatabaseUnavailable } },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ready' as const, database: app.dbKind };
      } catch {
        return reply
          .code(503)
          .type('application/problem+json')
          .send({
            type: 'https://liaison.invalid/problems/service-unavailable',
            code: 'service-unavailable' as const,
            title: 'The database does not answer',
            status: 503 as const,
          });
      }
    },
  );

  api.get(
    '/api/openapi.json',
    {
      config: { access: 'public' },
      schema: { hide: true, response: { 200: OpenApiDocument } },
    },
    async () => api.swagger() as unknown as Record<string, unknown>,
  );
};
