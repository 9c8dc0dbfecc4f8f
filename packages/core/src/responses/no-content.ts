import { z } from 'zod';

/**
 * The response schema of a route that answers 204 with no body: `response: { 204: NoContent }`. The OpenAPI
 * document shows the status without content (a `null` schema has none).
 */
export const NoContent = z.null().describe('No content');
