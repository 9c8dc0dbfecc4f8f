import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DataDirFileStore } from './data-dir-file-store.ts';
import { describeFileStoreContract } from './file-store-contract.ts';

async function dataDirHarness() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-files-'));
  const store = new DataDirFileStore(root);
  return {
    store,
    stagingDir: path.join(root, 'tmp'),
    storedAt: (sha256: string) =>
      fs.access(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)).then(
        () => true,
        () => false,
      ),
    dispose: () => fs.rm(root, { recursive: true, force: true }),
  };
}

describeFileStoreContract('data-directory', dataDirHarness);

describe('the data-directory file store', () => {
  it('keeps blobs read-only and never maps a name outside its root', async () => {
    const h = await dataDirHarness();
    try {
      const staged = await h.store.stage(Readable.from([Buffer.from('x')]), 10);
      await h.store.commit(staged);
      const mode = (await fs.stat(h.store.blobPath(staged.sha256))).mode & 0o777;
      expect(mode).toBe(0o440);
      expect(() => h.store.blobPath('../../etc/passwd')).toThrow();
    } finally {
      await h.dispose();
    }
  });
});
