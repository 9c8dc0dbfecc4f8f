import { plainText } from '@liaison/core';
import { SavedChart } from '@liaison/core/graph/index';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { getChart, listCharts, saveChart } from './chart-service.ts';

const Position = z.object({ x: z.number().finite(), y: z.number().finite() });

export const chartRoutes: RouteModule = (api, app) => {
  api.post(
    '/api/v1/charts',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['graph'],
        body: z.strictObject({
          name: plainText().min(1).max(200),
          nodeIds: z.array(z.uuid()).min(1).max(2_000),
          positions: z.record(z.uuid(), Position).default({}),
        }),
        response: { 201: SavedChart },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await saveChart(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/charts',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['graph'], response: { 200: z.array(SavedChart) } },
    },
    async (request) => listCharts(ctxOf(app, request), actorOf(request)),
  );
  api.get(
    '/api/v1/charts/:id',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['graph'], params: z.object({ id: z.uuid() }), response: { 200: SavedChart } },
    },
    async (request) => getChart(ctxOf(app, request), actorOf(request), request.params.id),
  );
};
