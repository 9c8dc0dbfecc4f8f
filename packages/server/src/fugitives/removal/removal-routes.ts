import { binaryResponse } from '@liaison/core/contract/responses';
import {
  AddEscortsInput,
  AddMembersInput,
  AddSuspectsInput,
  AssignInput,
  BoardingInput,
  EscortOfficer,
  EscortProposal,
  EscortProposalInput,
  FlightInput,
  FlightProposal,
  FlightProposalInput,
  HandoverInput,
  RemovalInput,
  RemovalListItem,
  RemovalView,
} from '@liaison/core/fugitives/removal-schemas';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { escortPool } from './escort-officers.ts';
import { recordBoarding, recordHandover } from './removal-execution.ts';
import { removalManifest } from './removal-manifest.ts';
import {
  addEscorts,
  addFlight,
  addMembers,
  addSuspects,
  assignSuspect,
  confirmRemoval,
  createRemoval,
  getRemoval,
  listRemovals,
  proposeRemovalEscorts,
  proposeRemovalFlights,
  removeFlight,
  removeMember,
  removeSuspect,
  reopenRemoval,
} from './removal-service.ts';

const tags = ['removals'];
const Id = z.object({ id: z.uuid() });
const SuspectParams = z.object({ id: z.uuid(), suspectId: z.uuid() });
const FlightParams = z.object({ id: z.uuid(), flightId: z.uuid() });
const MemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });
const read = { access: 'fugitives.read' } as const;
const write = { access: 'fugitives.write' } as const;
const view = { 200: RemovalView };

/** Removal planning: `/api/v1/removals…` (README.md in this folder). */
export const removalRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/removals',
    {
      config: read,
      schema: {
        tags,
        querystring: z.object({ fugitiveId: z.uuid().optional() }),
        response: { 200: z.array(RemovalListItem) },
      },
    },
    async (request) => listRemovals(ctxOf(app, request), actorOf(request), request.query),
  );
  api.post(
    '/api/v1/removals',
    { config: write, schema: { tags, body: RemovalInput, response: { 201: RemovalView } } },
    async (request, reply) =>
      reply.code(201).send(await createRemoval(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/removals/escort-officers',
    { config: write, schema: { tags, response: { 200: z.array(EscortOfficer) } } },
    async (request) => escortPool(ctxOf(app, request), actorOf(request)),
  );
  api.get(
    '/api/v1/removals/:id',
    { config: read, schema: { tags, params: Id, response: view } },
    async (request) => getRemoval(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/removals/:id/suspects',
    { config: write, schema: { tags, params: Id, body: AddSuspectsInput, response: view } },
    async (request) => addSuspects(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/v1/removals/:id/suspects/:suspectId',
    { config: write, schema: { tags, params: SuspectParams, response: view } },
    async (request) =>
      removeSuspect(ctxOf(app, request), actorOf(request), request.params.id, request.params.suspectId),
  );
  api.put(
    '/api/v1/removals/:id/suspects/:suspectId/flight',
    { config: write, schema: { tags, params: SuspectParams, body: AssignInput, response: view } },
    async (request) =>
      assignSuspect(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.suspectId,
        request.body,
      ),
  );
  api.post(
    '/api/v1/removals/:id/suspects/:suspectId/boarding',
    { config: write, schema: { tags, params: SuspectParams, body: BoardingInput, response: view } },
    async (request) =>
      recordBoarding(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.suspectId,
        request.body,
      ),
  );
  api.post(
    '/api/v1/removals/:id/flights',
    { config: write, schema: { tags, params: Id, body: FlightInput, response: view } },
    async (request) => addFlight(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/v1/removals/:id/flights/:flightId',
    { config: write, schema: { tags, params: FlightParams, response: view } },
    async (request) =>
      removeFlight(ctxOf(app, request), actorOf(request), request.params.id, request.params.flightId),
  );
  api.post(
    '/api/v1/removals/:id/escorts',
    { config: write, schema: { tags, params: Id, body: AddEscortsInput, response: view } },
    async (request) => addEscorts(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/removals/:id/members',
    { config: write, schema: { tags, params: Id, body: AddMembersInput, response: view } },
    async (request) => addMembers(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/v1/removals/:id/members/:memberId',
    { config: write, schema: { tags, params: MemberParams, response: view } },
    async (request) =>
      removeMember(ctxOf(app, request), actorOf(request), request.params.id, request.params.memberId),
  );
  api.post(
    '/api/v1/removals/:id/proposal',
    {
      config: read,
      schema: { tags, params: Id, body: FlightProposalInput, response: { 200: FlightProposal } },
    },
    async (request) =>
      proposeRemovalFlights(ctxOf(app, request), actorOf(request), request.params.id, request.body.mode),
  );
  api.post(
    '/api/v1/removals/:id/escort-proposal',
    {
      config: write,
      schema: { tags, params: Id, body: EscortProposalInput, response: { 200: EscortProposal } },
    },
    async (request) =>
      proposeRemovalEscorts(ctxOf(app, request), actorOf(request), request.params.id, request.body.pool),
  );
  api.post(
    '/api/v1/removals/:id/confirm',
    { config: write, schema: { tags, params: Id, response: view } },
    async (request) => confirmRemoval(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/removals/:id/reopen',
    { config: write, schema: { tags, params: Id, response: view } },
    async (request) => reopenRemoval(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/removals/:id/handover',
    { config: write, schema: { tags, params: Id, body: HandoverInput, response: view } },
    async (request) => recordHandover(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  for (const format of ['pdf', 'csv'] as const)
    api.get(
      `/api/v1/removals/:id/manifest.${format}`,
      {
        config: read,
        schema: {
          tags,
          params: Id,
          response: {
            200: binaryResponse(`The manifest, as ${format.toUpperCase()}`, [
              format === 'pdf' ? 'application/pdf' : 'text/csv',
            ]),
          },
        },
      },
      async (request, reply) => {
        const file = await removalManifest(ctxOf(app, request), actorOf(request), request.params.id, format);
        return reply
          .type(file.type)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.filename}"`,
          )
          .send(file.data);
      },
    );
};
