import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StagedFile } from './file-store.ts';

/** How many leading bytes are kept for magic-byte detection (what `file-type` needs). */
const headBytes = 4100;

/**
 * Streams `source` into a new file under `dir`, computing its SHA-256 on the way. Bytes past `limitBytes` are
 * not written; the result says the file was truncated. The caller must commit or discard the staged file.
 */
export async function stageToDirectory(
  dir: string,
  source: Readable,
  limitBytes: number,
): Promise<StagedFile> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let truncated = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (truncated) return done();
      let piece = chunk;
      if (size + piece.length > limitBytes) {
        truncated = true;
        piece = piece.subarray(0, Math.max(0, limitBytes - size));
      }
      size += piece.length;
      hash.update(piece);
      if (headLength < headBytes) {
        const part = piece.subarray(0, headBytes - headLength);
        head.push(part);
        headLength += part.length;
      }
      done(null, piece);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  // Multipart parsers flag an over-long file on the source stream itself.
  if ((source as Readable & { truncated?: boolean }).truncated) truncated = true;
  return { path: file, sha256: hash.digest('hex'), sizeBytes: size, head: Buffer.concat(head), truncated };
}
