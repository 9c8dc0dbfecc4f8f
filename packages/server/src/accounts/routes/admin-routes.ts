import {
  Agency,
  AgencyInput,
  Password,
  RoleGrant,
  RoleGrantState,
  Unit,
  UnitInput,
  User,
  UserInput,
  UserPatch,
} from '@liaison/core';
import { NoContent } from '@liaison/core/contract/responses';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { createAgency, createUnit, listAgencies, listUnits } from '../agencies-service.ts';
import { resetPassword } from '../password-reset-service.ts';
import { decideRoleGrant, listRoleGrants } from '../role-grants-service.ts';
import { createUser, getUser, listUsers, updateUser } from '../users-service.ts';

const IdParams = z.object({ id: z.uuid() });

export const adminRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/agencies',
    { config: { access: 'signed-in' }, schema: { tags: ['admin'], response: { 200: z.array(Agency) } } },
    async (request) => listAgencies(ctxOf(app, request), actorOf(request)),
  );
  api.post(
    '/api/v1/agencies',
    {
      config: { access: 'agencies.manage' },
      schema: { tags: ['admin'], body: AgencyInput, response: { 201: Agency } },
    },
    async (request, reply) =>
      reply.code(201).send(await createAgency(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/agencies/:id/units',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['admin'], params: IdParams, response: { 200: z.array(Unit) } },
    },
    async (request) => listUnits(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/agencies/:id/units',
    {
      config: { access: 'agencies.manage' },
      schema: { tags: ['admin'], params: IdParams, body: UnitInput, response: { 201: Unit } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createUnit(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );

  api.get(
    '/api/v1/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['admin'],
        querystring: z.object({ agencyId: z.uuid().optional() }),
        response: { 200: z.array(User) },
      },
    },
    async (request) => listUsers(ctxOf(app, request), actorOf(request), request.query),
  );
  api.post(
    '/api/v1/users',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['admin'], body: UserInput, response: { 201: User } },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/users/:id',
    {
      config: { access: 'users.read' },
      schema: { tags: ['admin'], params: IdParams, response: { 200: User } },
    },
    async (request) => getUser(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['admin'], params: IdParams, body: UserPatch, response: { 200: User } },
    },
    async (request) => updateUser(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/users/:id/password',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: z.strictObject({ password: Password, resetTotp: z.boolean().default(false) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resetPassword(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.body.password,
        request.body.resetTotp,
      );
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/v1/role-grants',
    {
      config: { access: 'users.read' },
      schema: {
        tags: ['admin'],
        querystring: z.object({ state: RoleGrantState.optional(), userId: z.uuid().optional() }),
        response: { 200: z.array(RoleGrant) },
      },
    },
    async (request) => listRoleGrants(ctxOf(app, request), actorOf(request), request.query),
  );
  for (const decision of ['approve', 'decline'] as const) {
    api.post(
      `/api/v1/role-grants/:id/${decision}`,
      {
        config: { access: 'users.manage' },
        schema: { tags: ['admin'], params: IdParams, response: { 200: RoleGrant } },
      },
      async (request) => decideRoleGrant(ctxOf(app, request), actorOf(request), request.params.id, decision),
    );
  }
};
