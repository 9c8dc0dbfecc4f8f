import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirFileStore } from './data-dir-file-store.ts';
import { createFileStore } from './file-store-config.ts';

let root: string;
let store: DataDirFileStore;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-files-'));
  store = new DataDirFileStore(root);
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

describe('the data-directory file store', () => {
  it('hashes while staging and stores by SHA-256 under ab/cd/<sha>', async () => {
    const content = 'statement of the victim';
    const sha = createHash('sha256').update(content).digest('hex');
    const staged = await store.stage(Readable.from([Buffer.from(content)]), 1024);
    expect(staged).toMatchObject({ sha256: sha, sizeBytes: content.length, truncated: false });
    expect(await store.commit(staged)).toEqual({ created: true });
    await fs.access(path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(await text(await store.open(sha))).toBe(content);
    const twice = await store.stage(Readable.from([Buffer.from(content)]), 1024);
    expect(await store.commit(twice)).toEqual({ created: false });
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('marks a source over the limit as truncated and leaves nothing once discarded', async () => {
    const staged = await store.stage(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000);
    expect(staged.truncated).toBe(true);
    expect(staged.sizeBytes).toBe(1000);
    await store.discard(staged);
    expect(await fs.readdir(path.join(root, 'tmp'))).toEqual([]);
    expect(await store.has(staged.sha256)).toBe(false);
  });

  it('answers not-found for a missing blob and refuses names that are not digests', async () => {
    await expect(store.open('a'.repeat(64))).rejects.toMatchObject({ code: 'not-found' });
    expect(() => store.blobPath('../../etc/passwd')).toThrow();
  });

  it('chooses the S3 driver only when S3_ENDPOINT is set, and names missing settings', () => {
    expect(createFileStore(root, {}).driver).toBe('data-dir');
    expect(() => createFileStore(root, { S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET/);
    expect(
      createFileStore(root, {
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_BUCKET: 'liaison',
        S3_ACCESS_KEY_ID: 'k',
        S3_SECRET_ACCESS_KEY: 's',
      }).driver,
    ).toBe('s3');
  });
});
