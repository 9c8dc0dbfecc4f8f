import type { Tx } from '../context.ts';

/**
 * Whether a feature's rows still use a blob of the node's file store. The store keeps each content once under
 * its SHA-256, so a case attachment and a fugitive's photo of the same bytes share one blob: a blob is deleted
 * only when no feature's holder answers yes (`cases/attachment-blobs.ts` asks every holder, under the blob's
 * lock). A feature that keeps rows naming a `sha256` in the file store declares one in its manifest.
 */
export interface BlobHolder {
  /** For logs: whose rows these are. */
  name: string;
  holds(trx: Tx, sha256: string): Promise<boolean>;
}
