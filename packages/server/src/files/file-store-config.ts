import path from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { DataDirFileStore } from './data-dir-file-store.ts';
import type { FileStore } from './file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

/** The variables that configure the S3 driver; documented in the README's configuration table. */
const s3Variables = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_REGION',
  'S3_PREFIX',
] as const;

const S3Env = z.object({
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  S3_BUCKET: z.string({ error: 'is required' }).min(3, 'is not a bucket name'),
  S3_ACCESS_KEY_ID: z.string({ error: 'is required' }),
  S3_SECRET_ACCESS_KEY: z.string({ error: 'is required' }),
  S3_REGION: z.string().default('us-east-1'),
  // Keys are `<prefix>ab/cd/<sha256>`: a prefix without its slash would glue itself to the fan-out.
  S3_PREFIX: z
    .string()
    .regex(/^$|^[^/].*\/$/, 'must be empty or end with "/" (and not start with one), e.g. "files/"')
    .default('files/'),
});

/**
 * The data directory by default; an S3-compatible store when S3_ENDPOINT is set (then S3_BUCKET,
 * S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required, S3_REGION and S3_PREFIX optional). Any other S3_
 * variable without S3_ENDPOINT is refused rather than silently keeping files in the data directory.
 */
export function createFileStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): FileStore {
  // An empty variable means "not set" (as in config.ts).
  const set = Object.fromEntries(s3Variables.filter((name) => env[name]).map((name) => [name, env[name]]));
  if (!set.S3_ENDPOINT) {
    const stray = Object.keys(set);
    if (stray.length > 0)
      throw new Error(
        `Incomplete S3 file-store configuration: ${stray.join(', ')} set but not S3_ENDPOINT. ` +
          'Set S3_ENDPOINT to store files in S3, or unset these to keep them in DATA_DIR/files.',
      );
    return new DataDirFileStore(path.join(dataDir, 'files'));
  }
  const parsed = S3Env.safeParse(set);
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

/** The node's file store (made by `createNode`, on `AppContext.files`). */
export function fileStoreOf(app: AppContext): FileStore {
  return app.files;
}
