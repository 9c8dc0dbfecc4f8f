import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFileStoreContract } from './file-store-contract.ts';
import { S3FileStore, type S3FileStoreConfig } from './s3-file-store.ts';

// s3rver speaks the S3 REST protocol on a loopback port, storing into a temp directory: the real AWS SDK
// talks real HTTP to it. It knows one account (S3RVER/S3RVER) and checks the access key id, not the signature;
// it neither verifies x-amz-checksum-* nor decodes aws-chunked bodies, hence the test of what the SDK sends.
const bucket = 'liaison-test';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** s3rver behind a plain HTTP server of ours, which notes the headers of every request it passes on. */
async function startS3rver() {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-s3rver-'));
  const s3rver = new S3rver({ silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3rver.configureBuckets();
  const requests: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  const handle = s3rver.callback();
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
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

  it('sends a blob in one plain PUT of known length, at <prefix>ab/cd/<sha256>, with its SHA-256 to verify', async () => {
    const h = await s3Harness({ prefix: 'evidence/' });
    try {
      const bytes = Buffer.alloc(200 * 1024, 7);
      const sha = createHash('sha256').update(bytes).digest('hex');
      await h.store.commit(await h.store.stage(Readable.from([bytes]), 1024 * 1024));
      const puts = s3.requests.filter((r) => r.method === 'PUT' && r.url.includes(sha));
      expect(puts.map((r) => r.url.split('?')[0])).toEqual([
        `/${bucket}/evidence/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`,
      ]);
      const headers = puts[0]!.headers;
      expect(headers['content-length']).toBe(String(bytes.length));
      // No aws-chunked framing, which stores without its support (s3rver, older Ceph) would keep as content.
      expect(headers['content-encoding']).toBeUndefined();
      expect(headers['x-amz-checksum-sha256']).toBe(Buffer.from(sha, 'hex').toString('base64'));
    } finally {
      await h.dispose();
    }
  });

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
