import type { LiaisonNode } from '../../node.ts';
import { createTestCase, userPrincipal } from '../../testing/factories.ts';
import type { TestClient } from '../../testing/test-client.ts';

/** The signed-in user behind a test client. */
export async function whoAmI(
  client: TestClient,
): Promise<{ id: string; agencyId: string; agencyCode: string }> {
  return (await client.get('/api/v1/me')).json();
}

/** A case of the client's agency (AMBER, H0) with the client assigned, made by the cases service. */
export async function makeCase(
  node: LiaisonNode,
  client: TestClient,
  title = 'Voice phishing ring',
): Promise<string> {
  const me = await whoAmI(client);
  const actor = await userPrincipal(node.app, me.id);
  const created = await createTestCase(node.app, actor, {
    title,
    markings: { tlp: 'AMBER', handlingCode: 'H0' },
  });
  return created.id;
}

export const person = (
  names: { value: string; script: string; kind?: string }[],
  extra: Record<string, unknown> = {},
) => ({
  type: 'person',
  properties: { names: names.map((n) => ({ kind: 'primary', ...n })), ...extra },
});

export const phone = (number: string) => ({ type: 'phone', properties: { number } });
