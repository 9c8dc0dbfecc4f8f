import { openPglite } from '../db/database.ts';
import { createNode } from '../node.ts';
import { testConfig } from '../testing/test-node.ts';
import { openApiDocumentOf, openApiFile, writeOpenApi } from './openapi-document.ts';

/** Regenerates packages/server/openapi.json from the routes of a node on a scratch in-memory database. */
const node = await createNode(testConfig(), { database: await openPglite(null), logger: false });
try {
  await node.http.ready();
  writeOpenApi(openApiDocumentOf(node.http));
  console.log(`Wrote ${openApiFile}`);
} finally {
  await node.close();
}
