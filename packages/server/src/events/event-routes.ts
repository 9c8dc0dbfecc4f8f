import { eventStreamResponse } from '@liaison/core/contract/responses';
import { z } from 'zod';
import { actorOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { inAudience } from './audience.ts';
import type { LiveEvent } from './event-bus.ts';

const heartbeatMs = 15_000;

/** Server-Sent Events: the signed-in user's live events (hits, alerts…), with heartbeats to keep proxies open. */
export const eventRoutes: RouteModule = (api, app) => {
  const open = new Set<() => void>();
  // Streams never end by themselves: end them when the node shuts down so it can close.
  api.addHook('preClose', async () => {
    for (const end of open) end();
  });
  api.get(
    '/api/v1/events',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['events'],
        querystring: z.object({ heartbeatMs: z.coerce.number().int().min(50).max(60_000).optional() }),
        response: {
          200: eventStreamResponse(
            'Server-sent events for the signed-in user: `event:` is the type, `data:` a JSON LiveEventData ' +
              '({ type, payload }); comment lines are heartbeats. The stream stays open.',
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 3000\n: connected\n\n`);
      let sequence = 0;
      const send = (event: LiveEvent) => {
        if (!inAudience(actor, event.audience)) return;
        sequence += 1;
        raw.write(
          `id: ${sequence}\nevent: ${event.type}\ndata: ${JSON.stringify({ type: event.type, payload: event.payload })}\n\n`,
        );
      };
      const unsubscribe = app.events.subscribe(send);
      const heartbeat = setInterval(
        () => raw.write(`: heartbeat ${Date.now()}\n\n`),
        request.query.heartbeatMs ?? heartbeatMs,
      );
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        stop();
        raw.end();
      };
      open.add(end);
      raw.on('close', stop);
      raw.on('error', stop);
    },
  );
};
