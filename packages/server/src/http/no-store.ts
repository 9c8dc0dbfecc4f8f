import type { FastifyInstance } from 'fastify';

/**
 * Every API answer is `Cache-Control: no-store` unless its route says otherwise (the province map layer is
 * public and cached): cases, rescue cases, people and audit entries must not stay in a browser's or a
 * proxy's cache after the officer signs out.
 */
export function registerNoStore(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
