import {
  CancelInput,
  CompleteInput,
  DecisionInput,
  FollowUp,
  FollowUpInput,
  LogEntry,
  LogEntryInput,
  OperationDetail,
  OperationInput,
  OperationList,
  OperationPatch,
  OperationStatus,
} from '@liaison/core/operations/schemas';
import { OperationStats, OperationStatsQuery } from '@liaison/core/operations/stats';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { addFollowUp, completeOperation } from './operation-completion.ts';
import { addLogEntry } from './operation-log.ts';
import {
  cancelOperation,
  createOperation,
  decideOperation,
  listOperations,
  readOperation,
  updateOperation,
} from './operations-service.ts';
import { operationStatistics } from './stats-service.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['operations'];

/** Joint operations: plan, go/no-go, the execution log from the ground, the outcome, the figures. */
export const operationsRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/operations',
    {
      config: { access: 'operations.read' },
      schema: {
        tags,
        querystring: z.object({ status: OperationStatus.optional(), q: z.string().max(100).optional() }),
        response: { 200: OperationList },
      },
    },
    async (request) => ({
      operations: await listOperations(ctxOf(app, request), actorOf(request), request.query),
    }),
  );
  api.get(
    '/api/v1/operations/stats',
    {
      config: { access: 'stats.read' },
      schema: { tags, querystring: OperationStatsQuery, response: { 200: OperationStats } },
    },
    async (request) => operationStatistics(ctxOf(app, request), actorOf(request), request.query),
  );
  api.post(
    '/api/v1/operations',
    {
      config: { access: 'operations.plan' },
      schema: { tags, body: OperationInput, response: { 201: OperationDetail } },
    },
    async (request, reply) =>
      reply.code(201).send(await createOperation(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/operations/:id',
    {
      config: { access: 'operations.read' },
      schema: { tags, params: IdParams, response: { 200: OperationDetail } },
    },
    async (request) => readOperation(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.patch(
    '/api/v1/operations/:id',
    {
      config: { access: 'operations.plan' },
      schema: { tags, params: IdParams, body: OperationPatch, response: { 200: OperationDetail } },
    },
    async (request) =>
      updateOperation(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/operations/:id/decision',
    {
      config: { access: 'operations.decide' },
      schema: { tags, params: IdParams, body: DecisionInput, response: { 200: OperationDetail } },
    },
    async (request) =>
      decideOperation(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/operations/:id/log',
    {
      config: { access: 'operations.log' },
      schema: { tags, params: IdParams, body: LogEntryInput, response: { 200: LogEntry, 201: LogEntry } },
    },
    async (request, reply) => {
      const { entry, created } = await addLogEntry(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(entry);
    },
  );
  api.post(
    '/api/v1/operations/:id/complete',
    {
      config: { access: 'operations.plan' },
      schema: { tags, params: IdParams, body: CompleteInput, response: { 200: OperationDetail } },
    },
    async (request) =>
      completeOperation(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/operations/:id/cancel',
    {
      config: { access: 'operations.plan' },
      schema: { tags, params: IdParams, body: CancelInput, response: { 200: OperationDetail } },
    },
    async (request) =>
      cancelOperation(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/operations/:id/follow-ups',
    {
      config: { access: 'operations.plan' },
      schema: { tags, params: IdParams, body: FollowUpInput, response: { 201: FollowUp } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addFollowUp(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );
};
