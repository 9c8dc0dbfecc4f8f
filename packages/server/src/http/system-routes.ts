import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from './route-types.ts';

export const systemRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  api.get(
    '/api/ready',
    { config: { access: 'public' }, schema: { tags: ['system'] } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ready', database: app.dbKind };
      } catch {
        return reply.code(503).type('application/problem+json').send({
          type: 'https://liaison.invalid/problems/service-unavailable',
          code: 'service-unavailable',
          title: 'The database does not answer',
          status: 503,
        });
      }
    },
  );

  api.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    api.swagger(),
  );
};
