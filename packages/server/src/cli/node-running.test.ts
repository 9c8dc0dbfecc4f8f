import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDirectory } from '../db/data-dir-lock.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/liaison.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-running-'));
let unlock: () => Promise<void>;

/** The real `liaison` command on a DATA_DIR that this process holds, as a running node would. */
async function liaison(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  unlock = await lockDataDirectory(dataDir);
});
afterAll(async () => {
  await unlock();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('one-shot commands while the node runs on the embedded database', { timeout: 120_000 }, () => {
  it('backup says the node must be stopped (or PostgreSQL used), names the holder, writes nothing', async () => {
    const file = path.join(dataDir, 'backup.sql');
    const result = await liaison(['backup', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot open the embedded database while the node is running');
    expect(result.stderr).toContain(`pid ${process.pid}`);
    expect(result.stderr).toContain('Stop the node');
    expect(result.stderr).toContain('DATABASE_URL');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('audit verify points to the same check through the running node', async () => {
    const result = await liaison(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('POST /api/v1/audit/verify');
    expect(result.stderr).toContain('Verify chain');
  });
});
