import type { Readable } from 'node:stream';

/** A file received and hashed, waiting in local staging until the caller commits or discards it. */
export interface StagedFile {
  /** Where the bytes wait; removed by `commit` or `discard`. */
  path: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for checking the content against the declared type. */
  head: Buffer;
  /** True when the source was longer than the limit: the staged copy is incomplete and must be discarded. */
  truncated: boolean;
}

/**
 * Content-addressed blob storage: a blob's name is the SHA-256 of its bytes, so the same file stored twice takes
 * the room of one, and a name never points at changed content. Drivers: the data directory, or S3-compatible.
 */
export interface FileStore {
  readonly driver: 'data-dir' | 's3';
  /** Streams a source into staging, hashing and counting as it goes; stops counting past `limitBytes`. */
  stage(source: Readable, limitBytes: number): Promise<StagedFile>;
  /** Moves a staged file to its content address; `created` is false when that blob already existed. */
  commit(staged: StagedFile): Promise<{ created: boolean }>;
  discard(staged: StagedFile): Promise<void>;
  /** The blob's bytes; throws LiaisonError('not-found') when there is none. */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

export const sha256Pattern = /^[0-9a-f]{64}$/;
