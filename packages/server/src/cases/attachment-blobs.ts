import { sql } from 'kysely';
import { audit } from '../audit/audit.ts';
import type { AppContext, Tx } from '../context.ts';
import type { BlobHolder } from '../files/blob-holders.ts';
import { fileStoreOf } from '../files/file-store-config.ts';

// The life of a blob behind case attachments: it is stored by whoever first needs it (an upload, or the
// fetch of a mirrored attachment) and deleted once nothing references it: no attachment, nor any other feature's
// row (a fugitive's photo of the same bytes: every manifest's `blobHolders`). Both sides take the blob's
// lock in their transaction, so a release never deletes a blob that an attachment committing meanwhile uses.

/** Lock class of blob locks (two-key advisory locks; their key space is apart from the one-key ones). */
const BLOB_LOCK_CLASS = 0x4c4942; // 'LIB'

/** Case attachments (own and mirrored, pending ones included) hold their blob. */
export const caseAttachmentsHoldBlobs: BlobHolder = {
  name: 'case attachments',
  async holds(trx, sha256) {
    const row = await trx
      .selectFrom('case_attachments')
      .select('id')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};

/** Whether any feature of the node still uses the blob (every manifest's `blobHolders`). */
async function blobInUse(app: AppContext, trx: Tx, sha256: string): Promise<boolean> {
  for (const holder of app.registry.blobHolders) if (await holder.holds(trx, sha256)) return true;
  return false;
}

/** Serialises writers of one blob until the transaction ends. */
export async function lockBlob(trx: Tx, sha256: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${BLOB_LOCK_CLASS}::int, hashtext(${sha256}))`.execute(trx);
}

/** Queues blobs whose attachment went, in the transaction that removed it; `releaseQueuedBlobs` deletes them. */
export async function queueBlobRelease(trx: Tx, app: AppContext, sha256s: readonly string[]): Promise<void> {
  const unique = [...new Set(sha256s)];
  if (unique.length === 0) return;
  await trx
    .insertInto('file_releases')
    .values(unique.map((sha256) => ({ sha256, queued_at: app.now() })))
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/**
 * Deletes queued blobs that no attachment or other holder references any more (content kept while another record uses the
 * same hash). Each under the blob's lock; a failed store delete stays queued for the next run.
 */
export async function releaseQueuedBlobs(app: AppContext): Promise<{ deleted: number }> {
  const store = fileStoreOf(app);
  const queued = await app.db.selectFrom('file_releases').select('sha256').limit(500).execute();
  let deleted = 0;
  for (const { sha256 } of queued) {
    try {
      await app.db.transaction().execute(async (trx) => {
        await lockBlob(trx, sha256);
        const used = await blobInUse(app, trx, sha256);
        if (!used && (await store.has(sha256))) {
          // Appended at once (a plain transaction), before the delete below.
          await audit(
            { app, ip: null, trx },
            { actorId: null, actorAgency: app.config.nodeAgency },
            'file.released',
            { type: 'file', id: null },
            { sha256 },
          );
          // Last step before the commit: a failed delete leaves the audit entry out and the blob queued.
          await store.delete(sha256);
          deleted += 1;
        }
        await trx.deleteFrom('file_releases').where('sha256', '=', sha256).execute();
      });
    } catch (error) {
      app.log.warn({ err: error, sha256 }, 'a released blob could not be deleted; kept queued');
    }
  }
  return { deleted };
}
