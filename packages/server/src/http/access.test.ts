import { type Permission, type Role, rolePermissions, roles } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  t = await startTestNode();
  for (const role of roles) if (role !== 'administrator') clients.set(role, await t.signIn([role]));
});
afterAll(() => t.close());

const placeholderId = '00000000-0000-4000-8000-000000000000';
function call(client: TestClient, method: string, url: string) {
  const concrete = url.replace(/:[a-zA-Z]+/g, placeholderId).replace(/\*$/, 'x');
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return client.request({ method: method as 'GET', url: concrete, ...(hasBody && { payload: {} }) });
}

describe('deny by default', () => {
  it('every API route declares its access rule (the app refuses to start otherwise)', () => {
    expect(t.node.http.accessTable.length).toBeGreaterThan(10);
  });

  it('refuses an anonymous caller on every non-public route', async () => {
    for (const route of t.node.http.accessTable.filter((r) => r.access !== 'public')) {
      const response = await call(t.client(), route.method, route.url);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('refuses a signed-in caller without the permission on every permission route', async () => {
    const permissionRoutes = t.node.http.accessTable.filter(
      (r) => Array.isArray(r.access) || !['public', 'enrolling', 'signed-in'].includes(r.access),
    );
    expect(permissionRoutes.length).toBeGreaterThan(5);
    for (const route of permissionRoutes) {
      const needed = [route.access as Permission | Permission[]].flat();
      const lacking = roles.find(
        (role) => role !== 'administrator' && !needed.some((p) => rolePermissions[role].includes(p)),
      );
      expect(lacking, `some role lacks ${route.access}`).toBeDefined();
      const response = await call(clients.get(lacking!)!, route.method, route.url);
      expect(response.statusCode, `${route.method} ${route.url} as ${lacking}`).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
  });
});
