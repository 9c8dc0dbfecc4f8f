import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PeerIdentity } from '@liaison/core/federation/peers';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/database.ts';
import { identityFingerprint } from '../federation/peer-identity.ts';

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

  it('shows a tail cut off after the checkpoint the last verify signed', async () => {
    const handle = await openPglite(dataDir);
    let head: number;
    try {
      const top = await handle.db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .limit(1)
        .execute();
      head = Number(top[0]!.seq);
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(handle.db);
      await sql`delete from audit_log where seq > ${head - 2}`.execute(handle.db);
    } finally {
      await handle.close();
    }
    expect(fs.readFileSync(path.join(dataDir, 'audit-checkpoint.jws'), 'utf8')).toMatch(
      /^[\w-]+\.[\w-]+\.[\w-]+/,
    );
    const verify = await liaison(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(new RegExp(`BROKEN at entry ${head - 1}: the log ends before it`));
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

  it('adds a peer by the fingerprint of its keys and identity, refuses a forged file, replaces only with --replace', async () => {
    const keys = async (use: 'sig' | 'enc') => {
      const pair =
        use === 'sig'
          ? await generateKeyPair('Ed25519', { extractable: true })
          : await generateKeyPair('ECDH-ES', { crv: 'X25519', extractable: true });
      const jwk = await exportJWK(pair.publicKey);
      return { ...jwk, kid: await calculateJwkThumbprint(jwk), use } as PeerIdentity['signingKey'];
    };
    const write = async (name: string, identity: Omit<PeerIdentity, 'fingerprint'>) => {
      const fingerprint = await identityFingerprint(identity as PeerIdentity);
      const file = path.join(dataDir, `${name}.json`);
      fs.writeFileSync(file, JSON.stringify({ ...identity, fingerprint }));
      return { file, fingerprint };
    };
    const cnp = {
      format: 'liaison-peer/1' as const,
      node: 'cnp',
      agency: 'CNP',
      country: 'KH',
      url: 'http://127.0.0.1:8081',
      signingKey: await keys('sig'),
      encryptionKey: await keys('enc'),
    };
    const genuine = await write('cnp', cnp);
    const added = await liaison(['peer', 'add', genuine.file, '--yes']);
    expect(added.stderr).toContain(`Fingerprint: ${genuine.fingerprint}`);
    expect(added.stdout).toContain('Peer cnp (CNP) is active.');

    // The forgery: CNP's key ids, another party's keys and URL.
    const other = { signingKey: await keys('sig'), encryptionKey: await keys('enc') };
    const forged = await write('forged', {
      ...cnp,
      url: 'http://127.0.0.1:9999',
      signingKey: { ...other.signingKey, kid: cnp.signingKey.kid },
      encryptionKey: { ...other.encryptionKey, kid: cnp.encryptionKey.kid },
    });
    const refused = await liaison(['peer', 'add', forged.file, '--yes', '--replace']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not the key's RFC 7638 thumbprint/);
    expect(refused.stderr).not.toContain('Fingerprint:');

    const moved = await write('moved', { ...cnp, url: 'http://localhost:8081' });
    expect(moved.fingerprint).not.toBe(genuine.fingerprint);
    const notReplaced = await liaison(['peer', 'add', moved.file, '--yes']);
    expect(notReplaced.code).toBe(1);
    expect(notReplaced.stderr).toContain(`Fingerprint: ${moved.fingerprint}`);
    expect(notReplaced.stderr).toContain('url: http://127.0.0.1:8081 -> http://localhost:8081');
    expect(notReplaced.stderr).toMatch(/Nothing changed.*--replace/);
    const replaced = await liaison(['peer', 'add', moved.file, '--yes', '--replace']);
    expect(replaced.stdout, replaced.stderr).toContain('Peer cnp (CNP): identity replaced');

    const handle = await openPglite(dataDir);
    try {
      const { rows } = await sql<{ action: string; reason: string | null }>`
        select action, details->>'reason' as reason from audit_log where action like 'peer.%' order by seq
      `.execute(handle.db);
      expect(rows).toEqual([
        { action: 'peer.added', reason: null },
        { action: 'peer.identity-refused', reason: 'key-id-mismatch' },
        { action: 'peer.identity-refused', reason: 'identity-changed' },
        { action: 'peer.identity-replaced', reason: null },
      ]);
      const peer = await sql<{
        url: string;
        fingerprint: string;
      }>`select url, fingerprint from peers`.execute(handle.db);
      expect(peer.rows).toEqual([{ url: 'http://localhost:8081', fingerprint: moved.fingerprint }]);
      const keys = await sql<{ public_jwk: JWK }>`select public_jwk from peer_keys`.execute(handle.db);
      expect(keys.rows.map((k) => k.public_jwk.x)).not.toContain(other.signingKey.x);
    } finally {
      await handle.close();
    }
  });
});
