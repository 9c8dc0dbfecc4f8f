import { LiaisonError } from '@liaison/core';
import { eventStreamResponse } from '@liaison/core/contract/responses';
import { PolicyCheckAnswer } from '@liaison/core/exchange/policy-check';
import { ExchangeItem, ExchangeItemInput, HitAnswer, HitQueryInput } from '@liaison/core/exchange/schemas';
import { z } from 'zod';
import { findPeer } from '../federation/peers.ts';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { checkSendPolicy, getItem, listItems, markItem, sendItem } from './exchange-service.ts';
import { askHit } from './hits.ts';
import { streamLiveEvents } from './live.ts';

const IdParams = z.object({ id: z.uuid() });

export const exchangeRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/exchange/items',
    {
      config: { access: 'exchange.read' },
      schema: {
        tags: ['exchange'],
        querystring: z.object({
          peer: z.string().optional(),
          direction: z.enum(['in', 'out']).optional(),
          threadId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(ExchangeItem) },
      },
    },
    async (request) => listItems(ctxOf(app, request), actorOf(request), request.query),
  );
  api.get(
    '/api/v1/exchange/items/:id',
    {
      config: { access: 'exchange.read' },
      schema: { tags: ['exchange'], params: IdParams, response: { 200: ExchangeItem } },
    },
    async (request) => getItem(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/exchange/items',
    {
      config: { access: 'exchange.send' },
      schema: { tags: ['exchange'], body: ExchangeItemInput, response: { 201: ExchangeItem } },
    },
    async (request, reply) =>
      reply.code(201).send(await sendItem(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.post(
    '/api/v1/exchange/items/:id/read',
    {
      config: { access: 'exchange.read' },
      schema: { tags: ['exchange'], params: IdParams, response: { 200: ExchangeItem } },
    },
    async (request) => markItem(ctxOf(app, request), actorOf(request), request.params.id, 'read'),
  );
  api.post(
    '/api/v1/exchange/items/:id/acknowledge',
    {
      config: { access: 'exchange.send' },
      schema: { tags: ['exchange'], params: IdParams, response: { 200: ExchangeItem } },
    },
    async (request) => markItem(ctxOf(app, request), actorOf(request), request.params.id, 'acknowledged'),
  );
  api.post(
    '/api/v1/exchange/policy-check',
    {
      config: { access: 'exchange.send' },
      schema: {
        tags: ['exchange'],
        body: ExchangeItemInput,
        response: { 200: PolicyCheckAnswer },
      },
    },
    async (request) => {
      const peer = await findPeer(app.db, request.body.peer);
      if (!peer) throw new LiaisonError('invalid-input', `No peer ${request.body.peer}.`);
      const verdict = checkSendPolicy(ctxOf(app, request), actorOf(request), peer, request.body);
      return { allowed: verdict.allowed, explanation: verdict.decision.explanation };
    },
  );
  api.post(
    '/api/v1/exchange/hit-queries',
    {
      config: { access: 'exchange.send' },
      schema: { tags: ['exchange'], body: HitQueryInput, response: { 200: HitAnswer } },
    },
    async (request) => askHit(ctxOf(app, request), actorOf(request), request.body),
  );
  // Live arrivals (new request, reply, hit, rescue alert) as server-sent events.
  api.get(
    '/api/v1/exchange/events',
    {
      config: { access: 'exchange.read' },
      schema: {
        tags: ['exchange'],
        response: {
          200: eventStreamResponse(
            'Server-sent events of the exchange for the signed-in user (requests, replies, hits, rescue ' +
              'alerts): `event:` is the type, `data:` its JSON payload. The stream stays open.',
          ),
        },
      },
    },
    async (request, reply) => streamLiveEvents(app, request, reply),
  );
};
