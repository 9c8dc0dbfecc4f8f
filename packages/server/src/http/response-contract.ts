import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every `/api` route declares the schema of its success responses (2xx), from core: the serializer
 * allow-lists the fields it sends, and the OpenAPI document tells clients what they get. A route that
 * answers a file, a stream or a 204 declares that too (core/contract/responses.ts).
 */
export interface ResponseContractEntry {
  method: string;
  url: string;
  /** The success statuses with a declared schema; empty means the route declares none. */
  statuses: string[];
  /** The route's `schema.response`, as declared (walked by the test that they come from core). */
  response: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared success statuses (walked by the response-contract test). */
    responseContractTable: ResponseContractEntry[];
  }
}

const successStatus = /^2(?:\d\d|xx)$/i;

/** The success statuses of a route's `schema.response` (a schema each, or a `{ content }` per media type). */
export function declaredSuccessStatuses(response: unknown): string[] {
  if (!response || typeof response !== 'object') return [];
  return Object.entries(response)
    .filter(([status, schema]) => successStatus.test(status) && schema != null)
    .map(([status]) => status);
}

/**
 * Refuses, at registration, an `/api` route without a success response schema, as auth-hook.ts refuses one
 * without `access`: the node does not start.
 */
export function registerResponseContract(fastify: FastifyInstance): void {
  fastify.decorate('responseContractTable', [] as ResponseContractEntry[]);
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api')) return;
    const statuses = declaredSuccessStatuses(route.schema?.response);
    if (statuses.length === 0)
      throw new Error(
        `Route ${[route.method].flat().join(',')} ${route.url} declares no response schema for its success ` +
          'status (schema.response, from core; a 204 declares NoContent, a file binaryResponse).',
      );
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const response = (route.schema?.response ?? {}) as Record<string, unknown>;
      fastify.responseContractTable.push({ method, url: route.url, statuses, response });
    }
  });
}
