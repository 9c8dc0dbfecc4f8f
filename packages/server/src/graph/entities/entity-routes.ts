import { plainText } from '@liaison/core';
import { personRoles } from '@liaison/core/cases/person-role';
import { NoContent } from '@liaison/core/contract/responses';
import {
  CaseEntity,
  CaseEntityPlacement,
  CaseRoleChanged,
  CreatedEntity,
  EntityPage,
} from '@liaison/core/graph/index';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { addEntityToCase, changePersonRole } from './case-members.ts';
import { deleteEntity, removeEntityFromCase, updateEntity } from './entity-edits.ts';
import { getEntityPage, listCaseEntities } from './entity-reads.ts';
import { createEntities } from './entity-writes.ts';

const IdParams = z.object({ id: z.uuid() });
const CaseParams = z.object({ caseId: z.uuid() });
/** Optimistic concurrency: the version the client edited, as `If-Match: "<version>"` (or `version` in the body). */
const IfMatch = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d+"?$/, 'If-Match carries the entity version, e.g. "3"')
    .optional(),
});
const versionOf = (header: string | undefined) =>
  header === undefined ? undefined : Number(header.replace(/\D/g, ''));

export const entityRoutes: RouteModule = (api, app) => {
  // The body is checked by core's entity validator (per type) inside the service, for paths like /properties/birthDate.
  api.post(
    '/api/v1/entities',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['graph'],
        body: z.record(z.string(), z.unknown()),
        response: { 201: CreatedEntity },
      },
    },
    async (request, reply) => {
      const [created] = await createEntities(ctxOf(app, request), actorOf(request), [request.body]);
      return reply.code(201).send(created!);
    },
  );
  api.get(
    '/api/v1/entities/:id',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['graph'], params: IdParams, response: { 200: EntityPage } },
    },
    async (request) => getEntityPage(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.get(
    '/api/v1/cases/:caseId/entities',
    {
      config: { access: 'entities.read' },
      schema: { tags: ['graph'], params: CaseParams, response: { 200: z.array(CaseEntity) } },
    },
    async (request) => listCaseEntities(ctxOf(app, request), actorOf(request), request.params.caseId),
  );
  api.post(
    '/api/v1/cases/:caseId/entities',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['graph'],
        params: CaseParams,
        body: z.strictObject({
          entityId: z.uuid(),
          role: z.enum(personRoles).optional(),
          reason: plainText().max(1_000).optional(),
        }),
        response: { 201: CaseEntityPlacement },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addEntityToCase(ctxOf(app, request), actorOf(request), request.params.caseId, request.body),
        ),
  );
  api.post(
    '/api/v1/cases/:caseId/entities/:entityId/role',
    {
      config: { access: 'cases.write' },
      schema: {
        tags: ['graph'],
        params: z.object({ caseId: z.uuid(), entityId: z.uuid() }),
        body: z.strictObject({ role: z.enum(personRoles), reason: plainText().max(1_000) }),
        response: { 200: CaseRoleChanged },
      },
    },
    async (request) =>
      changePersonRole(
        ctxOf(app, request),
        actorOf(request),
        request.params.caseId,
        request.params.entityId,
        request.body,
      ),
  );
  api.patch(
    '/api/v1/entities/:id',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['graph'],
        params: IdParams,
        headers: IfMatch,
        body: z.record(z.string(), z.unknown()),
        response: { 200: CreatedEntity },
      },
    },
    async (request, reply) => {
      const updated = await updateEntity(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        versionOf(request.headers['if-match']),
        request.body,
      );
      return reply.header('etag', `"${updated.entity.version}"`).send(updated);
    },
  );
  api.delete(
    '/api/v1/entities/:id',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['graph'],
        params: IdParams,
        headers: IfMatch,
        // The version may come as If-Match or, for clients that cannot set headers, as `?version=`.
        querystring: z.object({
          reason: plainText().max(1_000).optional(),
          version: z.coerce.number().int().positive().optional(),
        }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteEntity(ctxOf(app, request), actorOf(request), request.params.id, {
        version: versionOf(request.headers['if-match']) ?? request.query.version,
        reason: request.query.reason,
      });
      return reply.code(204).send();
    },
  );
  api.delete(
    '/api/v1/cases/:caseId/entities/:entityId',
    {
      config: { access: 'entities.write' },
      schema: {
        tags: ['graph'],
        params: z.object({ caseId: z.uuid(), entityId: z.uuid() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeEntityFromCase(
        ctxOf(app, request),
        actorOf(request),
        request.params.caseId,
        request.params.entityId,
      );
      return reply.code(204).send();
    },
  );
};
