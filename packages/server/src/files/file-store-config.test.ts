import { describe, expect, it } from 'vitest';
import { openPglite } from '../db/database.ts';
import { createNode } from '../node.ts';
import { testConfig } from '../testing/test-node.ts';
import { createFileStore } from './file-store-config.ts';

const dataDir = '/tmp/liaison-data';
const s3 = {
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_BUCKET: 'liaison',
  S3_ACCESS_KEY_ID: 'k',
  S3_SECRET_ACCESS_KEY: 's',
};

describe('choosing the file store from the environment', () => {
  it('keeps files in the data directory when no S3 variable is set, empty ones included', () => {
    expect(createFileStore(dataDir, {}).driver).toBe('data-dir');
    expect(createFileStore(dataDir, { S3_ENDPOINT: '', S3_BUCKET: '' }).driver).toBe('data-dir');
  });

  it('chooses the S3 driver when S3_ENDPOINT and its three companions are set', () => {
    expect(createFileStore(dataDir, s3).driver).toBe('s3');
    expect(createFileStore(dataDir, { ...s3, S3_REGION: 'eu-west-1', S3_PREFIX: '' }).driver).toBe('s3');
  });

  it('names each missing setting when S3_ENDPOINT is set alone', () => {
    const start = () => createFileStore(dataDir, { S3_ENDPOINT: s3.S3_ENDPOINT });
    expect(start).toThrow(/S3_BUCKET: is required/);
    expect(start).toThrow(/S3_ACCESS_KEY_ID: is required/);
    expect(start).toThrow(/S3_SECRET_ACCESS_KEY: is required/);
  });

  it('refuses S3 settings without S3_ENDPOINT instead of silently using the data directory', () => {
    const { S3_ENDPOINT: _, ...rest } = s3;
    expect(() => createFileStore(dataDir, rest)).toThrow(
      /S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY set but not S3_ENDPOINT/,
    );
  });

  it('refuses an endpoint that is not HTTP and a prefix that would glue itself to the key', () => {
    expect(() => createFileStore(dataDir, { ...s3, S3_ENDPOINT: 'ftp://store' })).toThrow(/S3_ENDPOINT/);
    expect(() => createFileStore(dataDir, { ...s3, S3_PREFIX: 'files' })).toThrow(/S3_PREFIX: must be empty/);
    expect(() => createFileStore(dataDir, { ...s3, S3_PREFIX: '/files/' })).toThrow(/S3_PREFIX/);
  });
});

describe('a node with a half-configured S3 store', () => {
  it('refuses to start, naming what is missing (not at the first upload)', async () => {
    const saved = process.env.S3_BUCKET;
    process.env.S3_BUCKET = 'liaison';
    try {
      const database = await openPglite(null);
      await expect(createNode(testConfig(), { database, logger: false })).rejects.toThrow(/S3_ENDPOINT/);
      await database.close();
    } finally {
      if (saved === undefined) delete process.env.S3_BUCKET;
      else process.env.S3_BUCKET = saved;
    }
  });
});
