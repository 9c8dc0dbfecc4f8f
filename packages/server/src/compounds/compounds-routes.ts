import {
  BaseMap,
  CompoundDetail,
  CompoundListItem,
  CompoundView,
  MapSettings,
  ProvincesGeoJson,
} from '@liaison/core/compounds/compound-schema';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { baseMap, provincesGeoJson } from './cambodia-geo.ts';
import {
  CompoundFilter,
  CompoundInput,
  CompoundPatch,
  createCompound,
  getCompound,
  listCompounds,
  updateCompound,
} from './compounds-service.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['compounds'];

/**
 * The tile server, when one is reachable (TILE_URL, e.g. `/tiles/{z}/{x}/{y}.png`); else the offline layer only.
 * The content-security policy allows images from this origin only, so serve tiles through the same host.
 */
function tileUrl(): string | null {
  const url = process.env.TILE_URL?.trim();
  return url && /^(?:https?:\/\/|\/)[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}/.test(url) ? url : null;
}

export const compoundsRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/compounds',
    {
      config: { access: 'compounds.read' },
      schema: {
        tags,
        querystring: CompoundFilter,
        response: { 200: z.array(CompoundListItem) },
      },
    },
    async (request) => listCompounds(ctxOf(app, request), actorOf(request), request.query),
  );
  api.post(
    '/api/v1/compounds',
    {
      config: { access: 'compounds.write' },
      schema: { tags, body: CompoundInput, response: { 201: CompoundView } },
    },
    async (request, reply) =>
      reply.code(201).send(await createCompound(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/compounds/:id',
    {
      config: { access: 'compounds.read' },
      schema: { tags, params: IdParams, response: { 200: CompoundDetail } },
    },
    async (request) => getCompound(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.patch(
    '/api/v1/compounds/:id',
    {
      config: { access: 'compounds.write' },
      schema: { tags, params: IdParams, body: CompoundPatch, response: { 200: CompoundView } },
    },
    async (request) => updateCompound(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  // Public: the public form's map pin needs them, and they hold nothing about anyone.
  api.get(
    '/api/v1/map/settings',
    { config: { access: 'public' }, schema: { tags: ['map'], response: { 200: MapSettings } } },
    async () => ({ tileUrl: tileUrl(), attribution: process.env.TILE_ATTRIBUTION ?? null }),
  );
  api.get(
    '/api/v1/map/provinces',
    { config: { access: 'public' }, schema: { tags: ['map'], response: { 200: ProvincesGeoJson } } },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').send(provincesGeoJson()),
  );
  api.get(
    '/api/v1/map/base',
    { config: { access: 'public' }, schema: { tags: ['map'], response: { 200: BaseMap } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').send(baseMap()),
  );
};
