import { plainText } from '@liaison/core';
import { entityTypeNames } from '@liaison/core/graph/index';
import { SearchResults } from '@liaison/core/search/search-results';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { search } from './search-service.ts';

export const searchRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/search',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['search'],
        querystring: z.object({
          q: plainText().min(2).max(200),
          type: z.enum(entityTypeNames).optional(),
          agency: z.string().min(2).max(16).optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: { 200: SearchResults },
      },
    },
    async (request) => search(ctxOf(app, request), actorOf(request), request.query),
  );
};
