import { LiaisonError } from '@liaison/core';
import { eventStreamResponse } from '@liaison/core/contract/responses';
import { z } from 'zod';
import { listCaseShares } from '../federation/case-sync/share-list.ts';
import { retractCaseShare, shareCase } from '../federation/case-sync.ts';
import { findPeer } from '../federation/peers.ts';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { checkSendPolicy, getItem, listItems, markItem, sendItem } from './exchange-service.ts';
import { askHit } from './hits.ts';
import './inbound.ts';
import {
  CaseShareInput,
  CaseShareListQuery,
  CaseShareResult,
  CaseShareView,
  ExchangeItem,
  ExchangeItemInput,
  HitAnswer,
  HitQueryInput,
} from '@liaison/core/exchange/schemas';
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
        response: { 200: z.object({ allowed: z.boolean(), explanation: z.string() }) },
      },
    },
    async (request) => {
      const peer = await findPeer(app.db, request.body.peer);
      if (!peer) throw new LiaisonError('invalid-input', `No peer ${request.body.peer}.`);
      const decision = checkSendPolicy(ctxOf(app, request), actorOf(request), peer, request.body);
      return { allowed: decision.allowed, explanation: decision.explanation };
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
  // Joint case workspaces: share a case (header plus the chosen parts) with a peer, or withdraw it.
  api.post(
    '/api/v1/exchange/case-shares',
    {
      config: { access: 'exchange.send' },
      schema: { tags: ['exchange'], body: CaseShareInput, response: { 201: CaseShareResult } },
    },
    async (request, reply) => {
      const { caseId, ...input } = request.body;
      reply.code(201).send(await shareCase(ctxOf(app, request), actorOf(request), caseId, input));
    },
  );
  // A case's shares (ours and a partner's share of a mirror), for anyone who may see the case.
  api.get(
    '/api/v1/exchange/case-shares',
    {
      config: { access: 'cases.read' },
      schema: {
        tags: ['exchange'],
        querystring: CaseShareListQuery,
        response: { 200: z.array(CaseShareView) },
      },
    },
    async (request) => listCaseShares(ctxOf(app, request), actorOf(request), request.query.caseId),
  );
  api.delete(
    '/api/v1/exchange/case-shares/:caseId/:peer',
    {
      config: { access: 'exchange.send' },
      schema: {
        tags: ['exchange'],
        params: z.object({ caseId: z.uuid(), peer: z.string().min(1).max(100) }),
      },
    },
    async (request, reply) => {
      await retractCaseShare(
        ctxOf(app, request),
        actorOf(request),
        request.params.caseId,
        request.params.peer,
      );
      reply.code(204).send();
    },
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
