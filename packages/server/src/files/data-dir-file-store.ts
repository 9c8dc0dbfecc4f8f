import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { LiaisonError } from '@liaison/core';
import { type FileStore, type StagedFile, sha256Pattern } from './file-store.ts';
import { stageToDirectory } from './staging.ts';

/** Blobs in `<root>/ab/cd/<sha256>`: two levels of fan-out keep directories small. */
export class DataDirFileStore implements FileStore {
  readonly driver = 'data-dir';

  constructor(private readonly root: string) {}

  blobPath(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new LiaisonError('invalid-input', 'Not a SHA-256 digest.');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  stage(source: Readable, limitBytes: number): Promise<StagedFile> {
    // Staging sits inside the store's root so the final rename never crosses file systems.
    return stageToDirectory(path.join(this.root, 'tmp'), source, limitBytes);
  }

  async commit(staged: StagedFile): Promise<{ created: boolean }> {
    const target = this.blobPath(staged.sha256);
    if (await this.has(staged.sha256)) {
      await this.discard(staged);
      return { created: false };
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.chmod(staged.path, 0o440);
    await fs.rename(staged.path, target);
    return { created: true };
  }

  async discard(staged: StagedFile): Promise<void> {
    await fs.rm(staged.path, { force: true });
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.blobPath(sha256);
    if (!(await this.has(sha256)))
      throw new LiaisonError('not-found', 'The file content is missing from the store.');
    return createReadStream(file);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.blobPath(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async delete(sha256: string): Promise<void> {
    await fs.rm(this.blobPath(sha256), { force: true });
  }
}
