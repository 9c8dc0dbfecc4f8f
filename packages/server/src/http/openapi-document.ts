import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** The committed OpenAPI document; `npm run openapi -w @liaison/server` regenerates it from the routes. */
export const openApiFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../openapi.json');

/** The node's OpenAPI document as generated from its registered routes (call after `ready()`). */
export function openApiDocumentOf(http: FastifyInstance): object {
  // A round trip drops `undefined` members, as the written file does.
  return JSON.parse(JSON.stringify(http.swagger()));
}

export function readCommittedOpenApi(): object | null {
  if (!fs.existsSync(openApiFile)) return null;
  return JSON.parse(fs.readFileSync(openApiFile, 'utf8'));
}

export function writeOpenApi(document: object): void {
  fs.writeFileSync(openApiFile, `${JSON.stringify(document, null, 2)}\n`);
}
