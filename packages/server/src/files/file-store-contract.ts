import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileStore } from './file-store.ts';

/** A driver under test, with what the contract needs to look behind its back. */
export interface FileStoreHarness {
  store: FileStore;
  /** Where the driver stages uploads: empty whenever nothing is pending. */
  stagingDir: string;
  /** Whether the blob sits at its content address (`…/ab/cd/<sha256>`), read from the backing storage itself. */
  storedAt(sha256: string): Promise<boolean>;
  dispose(): Promise<void>;
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Chunked like an upload arrives, so staging and sending cross several chunk boundaries. */
const sourceOf = (bytes: Buffer, chunk = 64 * 1024) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
      bytes.subarray(i * chunk, (i + 1) * chunk),
    ),
  );

async function stagingEntries(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The behaviour every `FileStore` driver owes its callers (cases, attachments, the federation fetch job). */
export function describeFileStoreContract(name: string, makeHarness: () => Promise<FileStoreHarness>): void {
  describe(`the ${name} file store (contract)`, () => {
    let h: FileStoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(() => h.dispose());

    it('stages with the SHA-256, commits to ab/cd/<sha>, opens the same bytes and deletes', async () => {
      const content = randomBytes(300 * 1024 + 7);
      const sha = sha256Of(content);
      const staged = await h.store.stage(sourceOf(content), 1024 * 1024);
      expect(staged).toMatchObject({ sha256: sha, sizeBytes: content.length, truncated: false });
      expect(staged.head).toEqual(content.subarray(0, staged.head.length));
      expect(await h.store.has(sha)).toBe(false);

      expect(await h.store.commit(staged)).toEqual({ created: true });
      expect(await stagingEntries(h.stagingDir)).toEqual([]);
      expect(await h.storedAt(sha)).toBe(true);
      expect(await h.store.has(sha)).toBe(true);
      expect((await buffer(await h.store.open(sha))).equals(content)).toBe(true);

      await h.store.delete(sha);
      expect(await h.store.has(sha)).toBe(false);
      expect(await h.storedAt(sha)).toBe(false);
      await expect(h.store.open(sha)).rejects.toMatchObject({ code: 'not-found' });
    });

    it('stores an empty file', async () => {
      const staged = await h.store.stage(Readable.from([]), 1024);
      expect(staged).toMatchObject({ sha256: sha256Of(Buffer.alloc(0)), sizeBytes: 0, truncated: false });
      expect(await h.store.commit(staged)).toEqual({ created: true });
      expect((await buffer(await h.store.open(staged.sha256))).length).toBe(0);
    });

    it('commits the same content twice as one blob, the second time reporting it existed', async () => {
      const content = Buffer.from('statement of the victim');
      const first = await h.store.stage(sourceOf(content), 1024);
      expect(await h.store.commit(first)).toEqual({ created: true });
      const second = await h.store.stage(sourceOf(content), 1024);
      expect(second.sha256).toBe(first.sha256);
      expect(await h.store.commit(second)).toEqual({ created: false });
      expect(await stagingEntries(h.stagingDir)).toEqual([]);
      expect((await buffer(await h.store.open(first.sha256))).equals(content)).toBe(true);
    });

    it('marks a source over the limit as truncated, hashing only what it kept, and discards it without trace', async () => {
      const content = randomBytes(1200);
      const staged = await h.store.stage(sourceOf(content, 600), 1000);
      expect(staged).toMatchObject({
        truncated: true,
        sizeBytes: 1000,
        sha256: sha256Of(content.subarray(0, 1000)),
      });
      await h.store.discard(staged);
      expect(await stagingEntries(h.stagingDir)).toEqual([]);
      expect(await h.store.has(staged.sha256)).toBe(false);
      expect(await h.storedAt(staged.sha256)).toBe(false);
    });

    it('answers not-found for a missing blob, and deleting one is a no-op', async () => {
      const missing = 'a'.repeat(64);
      expect(await h.store.has(missing)).toBe(false);
      await expect(h.store.open(missing)).rejects.toMatchObject({ code: 'not-found' });
      await expect(h.store.delete(missing)).resolves.toBeUndefined();
    });

    it('refuses names that are not SHA-256 digests', async () => {
      for (const bad of ['../../etc/passwd', 'A'.repeat(64), 'a'.repeat(63)]) {
        expect(await h.store.has(bad)).toBe(false);
        await expect(h.store.open(bad)).rejects.toMatchObject({ code: 'invalid-input' });
        await expect(h.store.delete(bad)).rejects.toMatchObject({ code: 'invalid-input' });
      }
    });
  });
}
