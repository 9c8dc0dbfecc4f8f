import { NoContent } from '@liaison/core/contract/responses';
import {
  ChartAnalysis,
  entityTypeNames,
  GraphExpansion,
  GraphPath,
  LinkView,
} from '@liaison/core/graph/index';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { deleteLink } from '../entities/entity-edits.ts';
import { analyseChart, expandGraph, findPath } from './graph-service.ts';
import { createLink } from './link-service.ts';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item));
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const linkRoutes: RouteModule = (api, app) => {
  api.post(
    '/api/v1/links',
    {
      config: { access: 'entities.write' },
      schema: { tags: ['graph'], body: z.record(z.string(), z.unknown()), response: { 201: LinkView } },
    },
    async (request, reply) =>
      reply.code(201).send(await createLink(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.delete(
    '/api/v1/links/:id',
    {
      config: { access: 'entities.write' },
      schema: { tags: ['graph'], params: z.object({ id: z.uuid() }), response: { 204: NoContent } },
    },
    async (request, reply) => {
      await deleteLink(ctxOf(app, request), actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  api.get(
    '/api/v1/graph/expand',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['graph'],
        querystring: z.object({
          ids: list(z.uuid()).pipe(z.array(z.uuid()).min(1).max(50)),
          hops: z.coerce.number().int().min(1).max(4).default(1),
          types: list(z.enum(entityTypeNames)).optional(),
          linkTypes: list(z.string().max(40)).optional(),
          from: dateOrTime.optional(),
          to: dateOrTime.optional(),
        }),
        response: { 200: GraphExpansion },
      },
    },
    async (request) => expandGraph(ctxOf(app, request), actorOf(request), request.query),
  );
  api.get(
    '/api/v1/graph/path',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['graph'],
        querystring: z.object({
          from: z.uuid(),
          to: z.uuid(),
          maxHops: z.coerce.number().int().min(1).max(8).default(6),
        }),
        response: { 200: GraphPath },
      },
    },
    async (request) =>
      findPath(
        ctxOf(app, request),
        actorOf(request),
        request.query.from,
        request.query.to,
        request.query.maxHops,
      ),
  );
  api.post(
    '/api/v1/graph/analyse',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['graph'],
        body: z.strictObject({
          nodeIds: z.array(z.uuid()).min(1).max(2_000),
          top: z.number().int().min(1).max(50).default(10),
        }),
        response: { 200: ChartAnalysis },
      },
    },
    async (request) =>
      analyseChart(ctxOf(app, request), actorOf(request), request.body.nodeIds, request.body.top),
  );
};
