import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { LiaisonError } from '@liaison/core';
import { type FileStore, type StagedFile, sha256Pattern } from './file-store.ts';
import { stageToDirectory } from './staging.ts';

export interface S3FileStoreConfig {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Key prefix inside the bucket, e.g. `files/`. */
  prefix: string;
  /** Local directory for staging uploads before they are hashed and sent. */
  stagingDir: string;
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof NotFound ||
    error instanceof NoSuchKey ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  );
}

/** Blobs as objects `<prefix>ab/cd/<sha256>` in an S3-compatible bucket (MinIO, Ceph, AWS). */
export class S3FileStore implements FileStore {
  readonly driver = 's3';
  private readonly client: S3Client;

  constructor(private readonly config: S3FileStoreConfig) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      // Self-hosted stores (MinIO, Ceph) address buckets by path, not by sub-domain.
      forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  private key(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new LiaisonError('invalid-input', 'Not a SHA-256 digest.');
    return `${this.config.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  stage(source: Readable, limitBytes: number): Promise<StagedFile> {
    return stageToDirectory(this.config.stagingDir, source, limitBytes);
  }

  async commit(staged: StagedFile): Promise<{ created: boolean }> {
    try {
      if (await this.has(staged.sha256)) return { created: false };
      const checksum = Buffer.from(staged.sha256, 'hex').toString('base64');
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key: this.key(staged.sha256),
          Body: createReadStream(staged.path),
          ContentLength: staged.sizeBytes,
          ContentType: 'application/octet-stream',
          // The store verifies the bytes it received against our digest.
          ChecksumSHA256: checksum,
        }),
      );
      return { created: true };
    } finally {
      await this.discard(staged);
    }
  }

  async discard(staged: StagedFile): Promise<void> {
    await fs.rm(staged.path, { force: true });
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(sha256) }),
      );
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error))
        throw new LiaisonError('not-found', 'The file content is missing from the store.');
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.key(sha256) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(sha256) }));
  }
}
