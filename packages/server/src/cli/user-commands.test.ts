import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Actor } from '@liaison/core';
import { afterAll, describe, expect, it } from 'vitest';
import { updateUser } from '../accounts/users-service.ts';
import { loadConfig } from '../config.ts';
import { systemCtx } from '../context.ts';
import { createNode, type LiaisonNode } from '../node.ts';
import { TestClient } from '../testing/test-client.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/liaison.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-users-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function liaison(args: string[], input?: string) {
  const child = promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same embedded database, opened in this process between two commands. */
async function withLocalNode<T>(work: (node: LiaisonNode) => Promise<T>): Promise<T> {
  const node = await createNode(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { logger: false });
  try {
    return await work(node);
  } finally {
    await node.close();
  }
}

async function sessionActorOf(node: LiaisonNode, email: string): Promise<Actor> {
  const row = await node.app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.agency_id',
      'agencies.code',
      'users.unit_id',
      'users.roles',
      'users.display_name',
    ])
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    agencyId: row.agency_id,
    agencyCode: row.code,
    unitId: row.unit_id,
    roles: row.roles,
    email,
    displayName: row.display_name,
    via: 'session',
  };
}

// The node's own machine is the break-glass path: it approves grants and resets any account.
// Each command is a real process loading the whole node; `demo` seeds the full demo (operations season included).
describe('liaison user, on the node’s machine', { timeout: 360_000 }, () => {
  it('approves a pending role grant and resets another agency’s officer', async () => {
    expect((await liaison(['demo'])).code).toBe(0);
    const officerId = await withLocalNode(async (node) => {
      const admin = await sessionActorOf(node, 'admin@knpa.demo');
      const officer = await sessionActorOf(node, 'forensic@cnp.demo');
      const changed = await updateUser(systemCtx(node.app), admin, officer.userId, {
        roles: ['forensic_examiner', 'analyst'],
      });
      expect(changed.pendingRoles).toEqual(['analyst']);
      return officer.userId;
    });

    const grants = await liaison(['user', 'grants']);
    expect(grants.stdout).toContain('forensic@cnp.demo (CNP): analyst');
    const grantId = grants.stdout.match(/^([0-9a-f-]{36}) /m)?.[1];
    expect(grantId).toBeDefined();
    const approve = await liaison(['user', 'approve', grantId!]);
    expect(approve.stdout).toContain('Grant of analyst to forensic@cnp.demo approved.');
    expect((await liaison(['user', 'approve', grantId!])).stderr).toMatch(/already approved/);

    const reset = await liaison(
      ['user', 'reset-password', '--email', 'forensic@cnp.demo', '--reset-totp', '--password-stdin'],
      'a brand new password\n',
    );
    expect(reset.code).toBe(0);
    expect(
      (await liaison(['user', 'reset-password', '--email', 'x@cnp.demo', '--password-stdin'], 'short\n'))
        .stderr,
    ).toMatch(/password: Use at least 12 characters/);

    await withLocalNode(async (node) => {
      const user = await node.app.db
        .selectFrom('users')
        .select('roles')
        .where('id', '=', officerId)
        .executeTakeFirstOrThrow();
      expect(user.roles).toEqual(['analyst', 'forensic_examiner']);
      const client = new TestClient(node.http);
      expect((await client.login('forensic@cnp.demo', 'a brand new password')).statusCode).toBe(200);
    });
    expect((await liaison(['audit', 'verify'])).code).toBe(0);
  });
});
