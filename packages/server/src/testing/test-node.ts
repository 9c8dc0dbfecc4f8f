import os from 'node:os';
import path from 'node:path';
import type { Actor, Role } from '@liaison/core';
import { currentTotp, newTotpSecret } from '../accounts/totp.ts';
import { loadConfig, type NodeConfig } from '../config.ts';
import { systemCtx } from '../context.ts';
import { seedDemoAccounts } from '../demo/demo-accounts.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { createTestCase, createTestUser, testPassword } from './factories.ts';
import { TestClient } from './test-client.ts';
import { openMigratedTestDatabase } from './test-database.ts';

export { testPassword };

export function testConfig(overrides: Partial<NodeConfig> = {}): NodeConfig {
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.join(os.tmpdir(), 'liaison-unused') }),
    loginRateLimitPerMinute: 1000,
    // Test nodes share one unused DATA_DIR: a checkpoint file there would mix their chains.
    auditCheckpointFile: null,
    ...overrides,
  };
}

export interface TestNode {
  node: LiaisonNode;
  client(): TestClient;
  /** A signed-in client for a new user with these roles (in the demo agency KNPA unless given). */
  signIn(roles: Role[], agencyCode?: string): Promise<TestClient>;
  /** The same, with the user as a principal, for calling services (and factories) as them. */
  signInAs(roles: Role[], agencyCode?: string): Promise<{ client: TestClient; actor: Actor }>;
  close(): Promise<void>;
}

export async function startTestNode(overrides: Partial<NodeConfig> = {}): Promise<TestNode> {
  const database = await openMigratedTestDatabase();
  const node = await createNode(testConfig(overrides), { database, logger: false });
  const ctx = systemCtx(node.app);
  await seedDemoAccounts(ctx);
  const signInAs: TestNode['signInAs'] = async (roles, agencyCode = 'KNPA') => {
    const { email, actor } = await createTestUser(node.app, roles, agencyCode);
    const client = new TestClient(node.http);
    if (roles.includes('administrator')) {
      // Administrators must use TOTP: enrol one so the client is fully signed in.
      const secret = newTotpSecret();
      await node.app.db
        .updateTable('users')
        .set({ totp_secret: secret, totp_enrolled_at: new Date() })
        .where('email', '=', email)
        .execute();
      await client.login(email, testPassword, currentTotp(secret));
    } else {
      await client.login(email, testPassword);
    }
    return { client, actor };
  };
  return {
    node,
    client: () => new TestClient(node.http),
    signIn: async (roles, agencyCode) => (await signInAs(roles, agencyCode)).client,
    signInAs,
    close: () => node.close(),
  };
}

export interface TwoAgencyNode {
  t: TestNode;
  /** Investigators of KNPA and CNP, signed in. */
  knpa: TestClient;
  cnp: TestClient;
  /** A case of each agency, its investigator assigned. */
  knpaCase: string;
  cnpCase: string;
}

/** One node with an investigator of KNPA and one of CNP, each on a case of their own agency (AMBER, H0). */
export async function startTwoAgencyNode(caseTitles: { knpa: string; cnp: string }): Promise<TwoAgencyNode> {
  const t = await startTestNode();
  const knpa = await t.signInAs(['investigator'], 'KNPA');
  const cnp = await t.signInAs(['investigator'], 'CNP');
  const markings = { tlp: 'AMBER', handlingCode: 'H0' } as const;
  const knpaCase = await createTestCase(t.node.app, knpa.actor, { title: caseTitles.knpa, markings });
  const cnpCase = await createTestCase(t.node.app, cnp.actor, { title: caseTitles.cnp, markings });
  return { t, knpa: knpa.client, cnp: cnp.client, knpaCase: knpaCase.id, cnpCase: cnpCase.id };
}
