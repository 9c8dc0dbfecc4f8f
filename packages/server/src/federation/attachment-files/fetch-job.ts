import { audit } from '../../audit/audit.ts';
import { lockBlob, releaseQueuedBlobs } from '../../cases/attachment-blobs.ts';
import { attachmentsById } from '../../cases/shared-records.ts';
import type { AppContext } from '../../context.ts';
import type { StagedFile } from '../../files/file-store.ts';
import { fileStoreOf } from '../../files/file-store-config.ts';
import type { Job } from '../../jobs/job.ts';
import { federationOf } from '../runtime.ts';
import { download, FetchRejected, type PendingFetch } from './download.ts';

/** The content arrived (or was here already): stored under the blob's lock, the attachments no longer pending. */
async function settle(app: AppContext, sha256: string, staged: StagedFile | null): Promise<number> {
  const store = fileStoreOf(app);
  try {
    return await app.db.transaction().execute(async (trx) => {
      await lockBlob(trx, sha256);
      const waiting = await trx
        .deleteFrom('attachment_fetches')
        .where('sha256', '=', sha256)
        .returning(['attachment_id', 'peer_id'])
        .execute();
      if (waiting.length === 0) {
        // Removed meanwhile: nothing wants the content any more.
        if (staged) await store.discard(staged);
        return 0;
      }
      const attachments = await attachmentsById(
        trx,
        waiting.map((w) => w.attachment_id),
      );
      const peers = await trx
        .selectFrom('peers')
        .select(['id', 'node_name', 'agency_code'])
        .where(
          'id',
          'in',
          waiting.map((w) => w.peer_id),
        )
        .execute();
      for (const w of waiting) {
        const a = attachments.find((x) => x.id === w.attachment_id);
        const p = peers.find((x) => x.id === w.peer_id);
        if (!a || !p) continue;
        await audit(
          { app, ip: null, trx },
          { actorId: null, actorAgency: p.agency_code },
          'case.attachment_fetched',
          { type: 'case', id: a.caseId },
          { attachmentId: a.id, sha256, peer: p.node_name, stored: staged !== null },
        );
      }
      // Last step before the commit: a failed store write leaves the attachments pending.
      if (staged) await store.commit(staged);
      return waiting.length;
    });
  } catch (error) {
    if (staged) await store.discard(staged).catch(() => {});
    throw error;
  }
}

function backoffMs(app: AppContext, attempts: number): number {
  const max = federationOf(app).settings.FEDERATION_MAX_BACKOFF_MS;
  const base = Math.min(max, 1_000 * 2 ** Math.min(attempts, 20));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** A failed attempt: back off; a refused content is audited for each attachment waiting for it. */
async function postpone(app: AppContext, fetch: PendingFetch, error: unknown): Promise<void> {
  const rejected = error instanceof FetchRejected;
  const reason = (
    error instanceof Error ? `${rejected ? 'rejected: ' : ''}${error.message}` : 'failed'
  ).slice(0, 300);
  await app.db.transaction().execute(async (trx) => {
    const fetches = await trx
      .selectFrom('attachment_fetches')
      .select(['attachment_id', 'attempts'])
      .where('sha256', '=', fetch.sha256)
      .where('peer_id', '=', fetch.peer.id)
      .execute();
    const cases = new Map(
      (
        await attachmentsById(
          trx,
          fetches.map((f) => f.attachment_id),
        )
      ).map((a) => [a.id, a.caseId]),
    );
    for (const row of fetches) {
      const caseId = cases.get(row.attachment_id);
      if (caseId === undefined) continue;
      await trx
        .updateTable('attachment_fetches')
        .set({
          attempts: row.attempts + 1,
          last_error: reason,
          next_attempt_at: new Date(app.now().getTime() + backoffMs(app, row.attempts)),
        })
        .where('attachment_id', '=', row.attachment_id)
        .execute();
      if (rejected)
        await audit(
          { app, ip: null, trx },
          { actorId: null, actorAgency: fetch.peer.agency_code },
          'case.attachment_fetch_rejected',
          { type: 'case', id: caseId },
          {
            attachmentId: row.attachment_id,
            sha256: fetch.sha256,
            peer: fetch.peer.node_name,
            reason,
          },
        );
    }
  });
  app.log.warn(
    { peer: fetch.peer.node_name, sha256: fetch.sha256, reason },
    'attachment content not fetched',
  );
}

/**
 * The fetch job: pulls the content of every pending attachment that is due, one download per blob, from the
 * peer that sent its record. Tests call it directly; a running node runs it after applying attachment
 * records, when a retry falls due, and with the periodic federation jobs.
 */
export async function fetchPendingAttachments(app: AppContext): Promise<{ fetched: number; failed: number }> {
  const fetches = await app.db
    .selectFrom('attachment_fetches as f')
    .innerJoin('peers as p', 'p.id', 'f.peer_id')
    .select([
      'f.attachment_id',
      'f.sha256',
      'f.size_bytes',
      'p.id',
      'p.node_name',
      'p.agency_code',
      'p.country',
      'p.url',
      'p.status',
    ])
    .where('f.next_attempt_at', '<=', app.now())
    .orderBy('f.next_attempt_at')
    .limit(50)
    .execute();
  // The attachment's media type is the cases feature's (a fetch goes with its attachment: on delete cascade).
  const types = new Map(
    (
      await attachmentsById(
        app.db,
        fetches.map((f) => f.attachment_id),
      )
    ).map((a) => [a.id, a.mediaType]),
  );
  const due = fetches.flatMap((f) => {
    const mediaType = types.get(f.attachment_id);
    return mediaType === undefined ? [] : [{ ...f, media_type: mediaType }];
  });
  const seen = new Set<string>();
  let fetched = 0;
  let failed = 0;
  const store = fileStoreOf(app);
  for (const row of due) {
    if (seen.has(row.sha256)) continue;
    seen.add(row.sha256);
    const fetch: PendingFetch = {
      sha256: row.sha256,
      size_bytes: row.size_bytes,
      media_type: row.media_type,
      peer: {
        id: row.id,
        node_name: row.node_name,
        agency_code: row.agency_code,
        country: row.country,
        url: row.url,
        status: row.status,
      },
    };
    try {
      if (await store.has(fetch.sha256)) {
        fetched += await settle(app, fetch.sha256, null);
        continue;
      }
      if (fetch.peer.status !== 'active') throw new Error(`The peer ${fetch.peer.node_name} is suspended.`);
      fetched += await settle(app, fetch.sha256, await download(app, fetch));
    } catch (error) {
      failed += 1;
      await postpone(app, fetch, error);
    }
  }
  return { fetched, failed };
}

/** Both attachment jobs: pending content in, released content out. */
export async function runAttachmentJobs(app: AppContext): Promise<void> {
  await fetchPendingAttachments(app);
  await releaseQueuedBlobs(app);
}

/**
 * The attachment job: with federation's jobs (at start, every FEDERATION_PULL_MS), and at once when a peer's
 * attachment records are applied (`kickAttachmentJobs`); again when the next retry falls due.
 */
export const attachmentJob: Job = {
  name: 'federation.attachments',
  phase: 'serving',
  enabled: (app) => federationOf(app).autoStart,
  // Kicked on any node whose federation runs by itself, before or after it serves.
  kickWhileStopped: true,
  runAtStart: true,
  everyMs: (app) => federationOf(app).settings.FEDERATION_PULL_MS,
  run: runAttachmentJobs,
  nextRunAt: async (app) => {
    const next = await app.db
      .selectFrom('attachment_fetches')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .executeTakeFirst();
    return next?.at ? new Date(next.at) : null;
  },
};

/**
 * Runs the attachment jobs soon, outside the caller's transaction, and again when the next retry is due.
 * Only on a node whose delivery worker runs by itself (tests drive the jobs directly).
 */
export function kickAttachmentJobs(app: AppContext): void {
  app.jobs.kick(attachmentJob.name);
}
