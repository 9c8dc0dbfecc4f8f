import { hasPermission, type Permission } from '@liaison/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import { actorOf } from '../http/request-context.ts';

const liveTypes = ['exchange.', 'hit.', 'rescue.alert'];

/** Server-sent events of the exchange for the signed-in user; only events whose audience includes them. */
export function streamLiveEvents(
  app: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const actor = actorOf(request);
  const mayReceive = (event: LiveEvent) => {
    if (!liveTypes.some((t) => event.type.startsWith(t))) return false;
    const { userIds, agencyCodes, permission } = event.audience;
    if (userIds && !userIds.includes(actor.userId)) return false;
    if (agencyCodes && !agencyCodes.includes(actor.agencyCode)) return false;
    return !permission || hasPermission(actor.roles, permission as Permission);
  };
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  reply.raw.write(': connected\n\n');
  const unsubscribe = app.events.subscribe((event) => {
    if (mayReceive(event))
      reply.raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  return reply;
}
