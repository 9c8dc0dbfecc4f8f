import os from 'node:os';
import path from 'node:path';
import type { Role } from '@liaison/core';
import { currentTotp, newTotpSecret } from '../accounts/totp.ts';
import { createUser } from '../accounts/users-service.ts';
import { systemActor } from '../cli/system-actor.ts';
import { loadConfig, type NodeConfig } from '../config.ts';
import { systemCtx } from '../context.ts';
import { seedDemoAccounts } from '../demo/demo-accounts.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { TestClient } from './test-client.ts';
import { openTestDatabase } from './test-database.ts';

export const testPassword = 'correct horse battery staple';

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
  close(): Promise<void>;
}

let userCounter = 0;

export async function startTestNode(overrides: Partial<NodeConfig> = {}): Promise<TestNode> {
  const database = await openTestDatabase();
  const node = await createNode(testConfig(overrides), { database, logger: false });
  const ctx = systemCtx(node.app);
  await seedDemoAccounts(ctx);
  return {
    node,
    client: () => new TestClient(node.http),
    async signIn(roles, agencyCode = 'KNPA') {
      const agency = await node.app.db
        .selectFrom('agencies')
        .select(['id', 'code'])
        .where('code', '=', agencyCode)
        .executeTakeFirstOrThrow();
      userCounter += 1;
      const email = `user${userCounter}-${roles.join('-')}@${agencyCode.toLowerCase()}.test`;
      await createUser(ctx, systemActor(agency), {
        email,
        displayName: email,
        agencyId: agency.id,
        roles,
        password: testPassword,
        language: 'en',
        timeZone: 'Asia/Seoul',
      });
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
      return client;
    },
    close: () => node.close(),
  };
}
