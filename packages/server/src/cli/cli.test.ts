import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/database.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/liaison.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real `liaison` command on a fresh embedded database. */
async function liaison(args: string[], input?: string) {
  const child = promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each run starts a real process with its own embedded database: seconds each, more on a busy machine.
describe('the liaison command', { timeout: 240_000 }, () => {
  it('answers --help with its commands', async () => {
    const result = await liaison(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['start', 'demo', 'user', 'audit', 'backup', 'restore'])
      expect(result.stdout).toContain(command);
  });

  it('loads the demo, adds a user from stdin, and verifies the audit chain', async () => {
    const demo = await liaison(['demo']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('admin@knpa.demo');
    const add = await liaison(
      [
        'user',
        'add',
        '--agency',
        'CNP',
        '--role',
        'analyst',
        '--email',
        'new.analyst@cnp.demo',
        '--password-stdin',
      ],
      'a long enough password\n',
    );
    expect(add.stdout).toContain('Created new.analyst@cnp.demo');
    const weak = await liaison(
      ['user', 'add', '--agency', 'CNP', '--role', 'analyst', '--email', 'weak@cnp.demo', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toMatch(/password: Use at least 12 characters/);
    const verify = await liaison(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact: \d+ entries verified/);
  });

  it('exits non-zero naming the first tampered entry', async () => {
    const handle = await openPglite(dataDir);
    try {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(handle.db);
      await sql`update audit_log set action = 'user.created.by-nobody' where seq = 4`.execute(handle.db);
    } finally {
      await handle.close();
    }
    const verify = await liaison(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/BROKEN at entry 4/);
  });
});
