import { plainText } from '@liaison/core';
import { NoContent } from '@liaison/core/contract/responses';
import {
  AccessRequest,
  AccessRequestCreated,
  AccessRequestDecided,
  CreatedEntities,
  ExtractedProposal,
  Hit,
  IdentifierCheck,
  NonCorrelatingIdentifier,
  NonCorrelatingMarked,
  PersonCandidateView,
  PersonMatchDecided,
} from '@liaison/core/graph/index';
import { identifierKindSchema } from '@liaison/core/identifiers/index';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { decideAccessRequest, getHit, listAccessRequests, listHits, requestAccess } from './hit-service.ts';
// A partner's hit/no-hit query also looks in the graph (registers itself with the exchange feature).
import {
  checkIdentifier,
  createExtracted,
  extractFromText,
  listNonCorrelating,
  markNonCorrelating,
  unmarkNonCorrelating,
} from './identifier-service.ts';
import { decidePersonMatch, personCandidates } from './person-match-service.ts';

const IdParams = z.object({ id: z.uuid() });

export const correlationRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/hits',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['correlation'],
        querystring: z.object({
          caseId: z.uuid().optional(),
          entityId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(Hit) },
      },
    },
    async (request) => listHits(ctxOf(app, request), actorOf(request), request.query),
  );
  api.get(
    '/api/v1/hits/:id',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['correlation'], params: IdParams, response: { 200: Hit } },
    },
    async (request) => getHit(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/hits/:id/access-requests',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['correlation'],
        params: IdParams,
        body: z.strictObject({ reason: plainText().min(3).max(1_000) }),
        response: { 201: AccessRequestCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await requestAccess(ctxOf(app, request), actorOf(request), request.params.id, request.body.reason),
        ),
  );
  api.get(
    '/api/v1/access-requests',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['correlation'], response: { 200: z.array(AccessRequest) } },
    },
    async (request) => listAccessRequests(ctxOf(app, request), actorOf(request)),
  );
  api.post(
    '/api/v1/access-requests/:id/decision',
    {
      config: { access: 'cases.write' },
      schema: {
        tags: ['correlation'],
        params: IdParams,
        body: z.strictObject({ decision: z.enum(['granted', 'refused']) }),
        response: { 200: AccessRequestDecided },
      },
    },
    async (request) =>
      decideAccessRequest(ctxOf(app, request), actorOf(request), request.params.id, request.body.decision),
  );
  api.get(
    '/api/v1/identifiers/check',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['correlation'],
        querystring: z.object({
          q: plainText().min(1).max(300),
          kind: identifierKindSchema.optional(),
        }),
        response: { 200: IdentifierCheck },
      },
    },
    async (request) => checkIdentifier(ctxOf(app, request), actorOf(request), request.query),
  );
  api.get(
    '/api/v1/identifiers/non-correlating',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['correlation'], response: { 200: z.array(NonCorrelatingIdentifier) } },
    },
    async (request) => listNonCorrelating(ctxOf(app, request), actorOf(request)),
  );
  api.post(
    '/api/v1/identifiers/non-correlating',
    {
      config: { access: 'correlation.manage' },
      schema: {
        tags: ['correlation'],
        body: z.strictObject({
          kind: identifierKindSchema,
          value: plainText().min(1).max(300),
          reason: plainText().min(3).max(500),
        }),
        response: { 201: NonCorrelatingMarked },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await markNonCorrelating(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.post(
    '/api/v1/identifiers/non-correlating/remove',
    {
      config: { access: 'correlation.manage' },
      schema: {
        tags: ['correlation'],
        body: z.strictObject({ kind: identifierKindSchema, value: plainText().min(1).max(300) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await unmarkNonCorrelating(ctxOf(app, request), actorOf(request), request.body);
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/v1/extract',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['correlation'],
        body: z.strictObject({ text: z.string().max(100_000), caseId: z.uuid().optional() }),
        response: { 200: z.array(ExtractedProposal) },
      },
    },
    async (request) =>
      extractFromText(ctxOf(app, request), actorOf(request), request.body.text, request.body.caseId),
  );
  api.post(
    '/api/v1/cases/:caseId/entities/bulk',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['correlation'],
        params: z.object({ caseId: z.uuid() }),
        body: z.strictObject({ entities: z.array(z.record(z.string(), z.unknown())).min(1).max(500) }),
        response: { 201: CreatedEntities },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createExtracted(
            ctxOf(app, request),
            actorOf(request),
            request.params.caseId,
            request.body.entities,
          ),
        ),
  );
  api.get(
    '/api/v1/entities/:id/person-candidates',
    {
      config: { access: 'entities.read' },
      schema: {
        tags: ['correlation'],
        params: IdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: z.array(PersonCandidateView) },
      },
    },
    async (request) =>
      personCandidates(ctxOf(app, request), actorOf(request), request.params.id, request.query.limit),
  );
  api.post(
    '/api/v1/person-matches',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['correlation'],
        body: z.strictObject({
          entityId: z.uuid(),
          candidateId: z.uuid(),
          decision: z.enum(['confirmed', 'rejected']),
          reason: plainText().min(3).max(1_000),
        }),
        response: { 201: PersonMatchDecided },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await decidePersonMatch(ctxOf(app, request), actorOf(request), request.body)),
  );
};
