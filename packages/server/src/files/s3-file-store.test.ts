import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFileStoreContract } from './file-store-contract.ts';
import { S3FileStore, type S3FileStoreConfig } from './s3-file-store.ts';

// s3rver speaks the S3 REST protocol on a loopback port, storing into a temp directory: the real AWS SDK
// talks real HTTP to it. It knows one account (S3RVER/S3RVER) and checks the access key id, not the signature.
const bucket = 'liaison-test';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

async function startS3rver() {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async stop() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

let s3: Awaited<ReturnType<typeof startS3rver>>;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(() => s3.stop());

async function s3Harness(overrides: Partial<S3FileStoreConfig> = {}) {
  const stagingDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-s3-staging-'));
  const config: S3FileStoreConfig = {
    endpoint: s3.endpoint,
    bucket,
    ...credentials,
    region: 'us-east-1',
    prefix: `evidence-${path.basename(stagingDir)}/`,
    stagingDir,
    ...overrides,
  };
  // A client of its own, to look at the bucket behind the store's back.
  const raw = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    store: new S3FileStore(config),
    stagingDir,
    storedAt: (sha256: string) =>
      raw
        .send(
          new HeadObjectCommand({
            Bucket: bucket,
            Key: `${config.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`,
          }),
        )
        .then(
          () => true,
          (error: { name?: string }) => {
            if (error.name === 'NotFound') return false;
            throw error;
          },
        ),
    dispose: () => fs.rm(stagingDir, { recursive: true, force: true }),
  };
}

describeFileStoreContract('S3-compatible', () => s3Harness());

describe('the S3-compatible file store against a server', () => {
  const content = () => Readable.from([Buffer.from('passport scan')]);

  it('names an unknown bucket instead of answering not-found', async () => {
    const h = await s3Harness({ bucket: 'no-such-bucket' });
    try {
      const staged = await h.store.stage(content(), 1024);
      await expect(h.store.has(staged.sha256)).rejects.toThrow(
        /bucket "no-such-bucket".*the bucket does not exist/,
      );
      await expect(h.store.open(staged.sha256)).rejects.toThrow(
        /bucket "no-such-bucket".*the bucket does not exist/,
      );
      await expect(h.store.commit(staged)).rejects.toThrow(
        /bucket "no-such-bucket".*the bucket does not exist/,
      );
    } finally {
      await h.dispose();
    }
  });

  it('says the credentials were refused', async () => {
    const h = await s3Harness({ accessKeyId: 'WRONG' });
    try {
      const staged = await h.store.stage(content(), 1024);
      await expect(h.store.has(staged.sha256)).rejects.toThrow(
        /access denied.*check the credentials S3_ACCESS_KEY_ID/,
      );
      await expect(h.store.commit(staged)).rejects.toThrow(
        /access denied.*check the credentials S3_ACCESS_KEY_ID/,
      );
    } finally {
      await h.dispose();
    }
  });
});
