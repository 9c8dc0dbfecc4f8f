import { NoContent } from '@liaison/core/contract/responses';
import {
  CaseShareInput,
  CaseShareListQuery,
  CaseShareResult,
  CaseShareView,
} from '@liaison/core/exchange/schemas';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { retractCaseShare, shareCase } from './share.ts';
import { listCaseShares } from './share-list.ts';

// Joint case workspaces: share a case (header plus the chosen parts) with a peer, list its shares, or
// withdraw one. The paths stay under /api/v1/exchange (the web and the e2e journeys call them there).
export const caseShareRoutes: RouteModule = (api, app) => {
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
        response: { 204: NoContent },
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
};
