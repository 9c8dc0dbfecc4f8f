import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
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

interface S3Failure {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const statusOf = (error: unknown) => (error as S3Failure).$metadata?.httpStatusCode;

/** A missing object, not a missing bucket: HEAD answers a bare 404 for both, so the bucket is checked first. */
function isMissingObject(error: unknown): boolean {
  const name = (error as S3Failure).name;
  return name === 'NotFound' || name === 'NoSuchKey';
}

/** What an operator needs to read in the log: S3 answers HEAD errors without a body ("UnknownError"). */
function explain(error: unknown, askedForTheBucket: boolean): string {
  const { name, message } = error as S3Failure;
  const status = statusOf(error);
  if (name === 'NoSuchBucket' || (askedForTheBucket && status === 404)) return 'the bucket does not exist';
  if (status === 401 || status === 403)
    return `access denied (${name === 'Unknown' ? `HTTP ${status}` : name}): check the credentials S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, and that they may read, write and list the bucket`;
  if (status === 301 || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed')
    return `the bucket is in another region than S3_REGION (${name})`;
  return `${name ?? 'Error'}: ${message ?? String(error)}${status ? ` (HTTP ${status})` : ''}`;
}

/** Blobs as objects `<prefix>ab/cd/<sha256>` in an S3-compatible bucket (MinIO, Ceph, AWS). */
export class S3FileStore implements FileStore {
  readonly driver = 's3';
  private readonly client: S3Client;
  private bucketChecked: Promise<void> | undefined;

  constructor(private readonly config: S3FileStoreConfig) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      // Self-hosted stores (MinIO, Ceph) address buckets by path, not by sub-domain.
      forcePathStyle: true,
      // Left to itself the SDK sends a body aws-chunked with a CRC32 trailer, which stores without support for
      // it (s3rver, older Ceph) keep as the content; we send our SHA-256 as a plain header instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  private key(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new LiaisonError('invalid-input', 'Not a SHA-256 digest.');
    return `${this.config.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  private failure(operation: string, error: unknown, askedForTheBucket = false): Error {
    const { bucket, endpoint } = this.config;
    const reason = explain(error, askedForTheBucket);
    return new Error(`S3 file store (bucket "${bucket}" at ${endpoint}): ${operation} failed: ${reason}`, {
      cause: error,
    });
  }

  /**
   * Once per process, before the first request: without it a missing bucket or refused credentials would read
   * as "no such blob" to `has`. A failure is not remembered, so the next call asks again.
   */
  private ready(): Promise<void> {
    this.bucketChecked ??= this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket })).then(
      () => undefined,
      (error: unknown) => {
        this.bucketChecked = undefined;
        throw this.failure('checking the bucket', error, true);
      },
    );
    return this.bucketChecked;
  }

  stage(source: Readable, limitBytes: number): Promise<StagedFile> {
    return stageToDirectory(this.config.stagingDir, source, limitBytes);
  }

  async commit(staged: StagedFile): Promise<{ created: boolean }> {
    try {
      const key = this.key(staged.sha256);
      if (await this.has(staged.sha256)) return { created: false };
      await this.client
        .send(
          new PutObjectCommand({
            Bucket: this.config.bucket,
            Key: key,
            // A file with a known length: the SDK cannot sign or send a stream of unknown length in one PUT.
            Body: createReadStream(staged.path),
            ContentLength: staged.sizeBytes,
            ContentType: 'application/octet-stream',
            // Stores that check checksums (AWS, MinIO) refuse bytes that do not match our digest.
            ChecksumSHA256: Buffer.from(staged.sha256, 'hex').toString('base64'),
          }),
        )
        .catch((error: unknown) => {
          throw this.failure(`storing ${key}`, error);
        });
      return { created: true };
    } finally {
      await this.discard(staged);
    }
  }

  async discard(staged: StagedFile): Promise<void> {
    await fs.rm(staged.path, { force: true });
  }

  async open(sha256: string): Promise<Readable> {
    const key = this.key(sha256);
    await this.ready();
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return object.Body as Readable;
    } catch (error) {
      if (isMissingObject(error))
        throw new LiaisonError('not-found', 'The file content is missing from the store.');
      throw this.failure(`reading ${key}`, error);
    }
  }

  async has(sha256: string): Promise<boolean> {
    // No object can have a name that is not a digest (the data-directory store answers the same).
    if (!sha256Pattern.test(sha256)) return false;
    const key = this.key(sha256);
    await this.ready();
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissingObject(error)) return false;
      throw this.failure(`looking up ${key}`, error);
    }
  }

  async delete(sha256: string): Promise<void> {
    const key = this.key(sha256);
    await this.ready();
    await this.client
      .send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }))
      .catch((error: unknown) => {
        throw this.failure(`deleting ${key}`, error);
      });
  }
}
