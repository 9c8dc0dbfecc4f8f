import { randomUUID } from 'node:crypto';
import type { LiaisonNode } from '../node.ts';
import type { TestClient } from '../testing/test-client.ts';

/** The signed-in user behind a test client. */
export async function whoAmI(
  client: TestClient,
): Promise<{ id: string; agencyId: string; agencyCode: string }> {
  return (await client.get('/api/v1/me')).json();
}

/**
 * A case row owned by the client's agency with the client assigned. Written directly: the case feature's
 * own service is not what these tests are about.
 */
export async function makeCase(
  node: LiaisonNode,
  client: TestClient,
  title = 'Voice phishing ring',
): Promise<string> {
  const me = await whoAmI(client);
  const row = await node.app.db
    .insertInto('cases')
    .values({
      number: `${me.agencyCode}-T-${randomUUID().slice(0, 8)}`,
      owner_agency_id: me.agencyId,
      lead_agency: me.agencyCode,
      title,
      language: 'en',
      crime_types: ['voice_phishing'],
      tlp: 'AMBER',
      handling_code: 'H0',
      assigned_officer_ids: [me.id],
      created_by: me.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const person = (
  names: { value: string; script: string; kind?: string }[],
  extra: Record<string, unknown> = {},
) => ({
  type: 'person',
  properties: { names: names.map((n) => ({ kind: 'primary', ...n })), ...extra },
});

export const phone = (number: string) => ({ type: 'phone', properties: { number } });
