import { z } from 'zod';

/** The process answers (liveness). */
export const Health = z.object({ status: z.literal('ok') });

/** The node can serve: its database answers (readiness); a 503 problem otherwise. */
export const Readiness = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });
export type Readiness = z.infer<typeof Readiness>;

/** The problem (application/problem+json) a node answers while its database does not. */
export const DatabaseUnavailable = z.object({
  type: z.string(),
  code: z.literal('service-unavailable'),
  title: z.string(),
  status: z.literal(503),
});

/** The node's OpenAPI document (GET /api/openapi.json), as @fastify/swagger generates it from the routes. */
export const OpenApiDocument = z.record(z.string(), z.unknown());
