import path from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { DataDirFileStore } from './data-dir-file-store.ts';
import type { FileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

const S3Env = z.object({
  S3_ENDPOINT: z.url(),
  S3_BUCKET: z.string().min(3),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  S3_REGION: z.string().default('us-east-1'),
  S3_PREFIX: z.string().default('files/'),
});

/**
 * The data directory by default; an S3-compatible store when S3_ENDPOINT is set (then S3_BUCKET,
 * S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required, S3_REGION and S3_PREFIX optional).
 */
export function createFileStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): FileStore {
  if (!env.S3_ENDPOINT) return new DataDirFileStore(path.join(dataDir, 'files'));
  const parsed = S3Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid S3 file-store configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return new S3FileStore({
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    region: e.S3_REGION,
    prefix: e.S3_PREFIX,
    stagingDir: path.join(dataDir, 'files', 'tmp'),
  });
}

const stores = new WeakMap<AppContext, FileStore>();

/** The node's file store, made on first use (the node context is shared code; the store belongs to files/). */
export function fileStoreOf(app: AppContext): FileStore {
  let store = stores.get(app);
  if (!store) {
    store = createFileStore(app.config.dataDir);
    stores.set(app, store);
  }
  return store;
}
