import fs from 'node:fs';
import path from 'node:path';
import { NoContent } from '@liaison/core/contract/responses';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { openApiDocumentOf, readCommittedOpenApi } from './openapi-document.ts';
import { registerResponseContract } from './response-contract.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
  await t.node.http.ready();
});
afterAll(() => t.close());

/**
 * Success responses still described by a schema built in the server, with where it lives; the list only
 * shrinks (move the schema to core, then delete its line here).
 */
const notYetFromCore: Record<string, string> = {};

const coreRoot = path.resolve(import.meta.dirname, '../../../core/src');

function coreModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return coreModules(file);
    return entry.name.endsWith('.ts') && !/\.test|test-support|fixture/.test(entry.name) ? [file] : [];
  });
}

/** Every zod schema core exports, by identity. */
async function coreSchemas(): Promise<Set<unknown>> {
  const schemas = new Set<unknown>();
  for (const file of coreModules(coreRoot)) {
    for (const value of Object.values(await import(file))) if (value instanceof z.ZodType) schemas.add(value);
  }
  return schemas;
}

describe('the API contract', () => {
  it('every API route declares a response schema for its success status', () => {
    const table = t.node.http.responseContractTable;
    expect(table.length).toBeGreaterThan(100);
    const missing = table.filter((route) => route.statuses.length === 0).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes without a success response schema').toEqual([]);
  });

  it('takes every success response schema from core (or a list of one)', async () => {
    const core = await coreSchemas();
    const fromCore = (schema: unknown): boolean =>
      core.has(schema) || (schema instanceof z.ZodArray && fromCore(schema.element));
    const elsewhere: string[] = [];
    for (const route of t.node.http.responseContractTable) {
      for (const status of route.statuses) {
        const declared = route.response[status] as { content?: Record<string, { schema: unknown }> };
        const schemas = declared.content ? Object.values(declared.content).map((c) => c.schema) : [declared];
        if (!schemas.every(fromCore)) elsewhere.push(`${route.method} ${route.url} ${status}`);
      }
    }
    expect(elsewhere.sort(), 'response schemas built outside core').toEqual(
      Object.keys(notYetFromCore).sort(),
    );
  });

  it('refuses to register an API route without one, and accepts a 204 declared as NoContent', async () => {
    const fastify = Fastify();
    registerResponseContract(fastify);
    fastify.delete('/api/v1/things/:id', { schema: { response: { 204: NoContent } } }, async (_r, reply) =>
      reply.code(204).send(),
    );
    fastify.get('/elsewhere', async () => ({}));
    expect(() => fastify.get('/api/v1/things', async () => [])).toThrow(/declares no response schema/);
    expect(() =>
      fastify.get('/api/v1/other', { schema: { response: { 404: z.object({}) } } }, async () => ({})),
    ).toThrow(/declares no response schema/);
    await fastify.close();
  });

  it('the committed OpenAPI document matches the routes', () => {
    const committed = readCommittedOpenApi();
    expect(
      committed,
      'packages/server/openapi.json is missing: run `npm run openapi -w @liaison/server`',
    ).not.toBeNull();
    expect(
      openApiDocumentOf(t.node.http),
      'packages/server/openapi.json differs from the routes: run `npm run openapi -w @liaison/server` and commit it',
    ).toEqual(committed);
  });
});
