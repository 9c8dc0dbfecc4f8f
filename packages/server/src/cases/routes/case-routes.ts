import {
  CaseDetail,
  CaseInput,
  CaseListPage,
  CaseListQuery,
  CasePatch,
  CaseStatusChange,
  CaseView,
} from '@liaison/core/cases/index';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { changeCaseStatus, createCase, getCase, listCases, updateCase } from '../cases-service.ts';
import { CaseIdParams, IfMatchHeaders, versionFromIfMatch } from '../schemas.ts';

const tags = ['cases'];

export const caseRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/cases',
    {
      config: { access: 'cases.read' },
      schema: { tags, querystring: CaseListQuery, response: { 200: CaseListPage } },
    },
    async (request) => listCases(ctxOf(app, request), actorOf(request), request.query),
  );
  api.post(
    '/api/v1/cases',
    { config: { access: 'cases.write' }, schema: { tags, body: CaseInput, response: { 201: CaseView } } },
    async (request, reply) =>
      reply.code(201).send(await createCase(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: CaseIdParams, response: { 200: CaseDetail } },
    },
    async (request, reply) => {
      const detail = await getCase(ctxOf(app, request), actorOf(request), request.params.id);
      return reply
        .header('etag', `"${detail.case.version}"`)
        .header('cache-control', 'no-store')
        .send(detail);
    },
  );
  api.patch(
    '/api/v1/cases/:id',
    {
      config: { access: 'cases.write' },
      schema: {
        tags,
        params: CaseIdParams,
        headers: IfMatchHeaders,
        body: CasePatch,
        response: { 200: CaseView },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateCase(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        version,
        request.body,
      );
      return reply.header('etag', `"${updated.version}"`).send(updated);
    },
  );
  api.post(
    '/api/v1/cases/:id/status',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseIdParams, body: CaseStatusChange, response: { 200: CaseView } },
    },
    async (request) =>
      changeCaseStatus(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
};
