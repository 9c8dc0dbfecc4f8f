import type { Actor } from '@liaison/core';
import { LiaisonError } from '@liaison/core';
import type { FastifyRequest } from 'fastify';
import type { AppContext, Ctx } from '../context.ts';

export function ctxOf(app: AppContext, request: FastifyRequest): Ctx {
  const purpose = request.headers['x-liaison-purpose'];
  return {
    app,
    ip: request.ip,
    purpose: typeof purpose === 'string' && purpose.trim() ? decodeURIComponent(purpose).slice(0, 500) : null,
  };
}

/** The signed-in actor; routes only reach here when the access hook let them through. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new LiaisonError('unauthenticated');
  return request.actor;
}
