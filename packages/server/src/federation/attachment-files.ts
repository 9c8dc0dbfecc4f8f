import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { LiaisonError } from '@liaison/core';
import { type AttachmentMediaType, maxAttachmentBytes } from '@liaison/core/cases/index';
import type { JWK } from 'jose';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-repository.ts';
import { lockBlob, releaseQueuedBlobs } from '../cases/attachment-blobs.ts';
import { contentMatchesType } from '../cases/attachment-content.ts';
import type { AppContext } from '../context.ts';
import type { StagedFile } from '../files/file-store.ts';
import { fileStoreOf } from '../files/file-store-config.ts';
import type { RouteModule } from '../http/route-types.ts';
import { EnvelopeError, type FederationMessage, openMessage, sealMessage, signPayload } from './envelope.ts';
import type { PeerRow } from './outbox.ts';
import { auditRejection, verifySignedRequest } from './receive.ts';
import { checkPeerUrl, federationOf } from './runtime.ts';

// The content of mirrored attachments (federation README, "Attachments"). The metadata travels in
// `case.share`/`case.sync`; the receiving node pulls the bytes from the peer that sent the record:
//   GET /api/federation/v1/files/:sha256, signed by the requester's node key (Authorization:
//   Liaison-Signature, purpose `file`, bound to the hash, the recipient and the time). The peer serves a blob
//   only if it belongs to an attachment of a case actively shared with the requester with scope
//   `attachments`; anything else is 404 and audited (`federation.file.refused`).
// The answer is encrypted for the requester: a sealed message (signed by the server, encrypted for the
// requester's key, like every federation message) in the `x-liaison-file-key` header carries a fresh
// AES-256-GCM key, the hash and the size; the body is the ciphertext followed by the 16-byte tag, streamed
// (a 50 MB file never sits in memory or in a sync message). The requester checks the tag, the SHA-256, the
// size and the type before the blob is stored content-addressed; anything else is refused, audited
// (`case.attachment_fetch_rejected`) and retried later with back-off, never stored.

export const filesPath = '/api/federation/v1/files';
const keyHeader = 'x-liaison-file-key';
const tagBytes = 16;
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest is 64 lowercase hex characters');

async function auditFile(
  app: AppContext,
  action: string,
  peer: PeerRow,
  details: Record<string, unknown>,
  ip: string | null,
  caseId: string | null = null,
) {
  await app.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: null,
        actorAgency: peer.agency_code,
        action,
        recordType: 'case',
        recordId: caseId,
        ip,
        details: { peer: peer.node_name, ...details },
      },
      app.now(),
    ),
  );
}

async function peerEncKey(app: AppContext, peerId: string): Promise<JWK> {
  const row = await app.db
    .selectFrom('peer_keys')
    .select('public_jwk')
    .where('peer_id', '=', peerId)
    .where('use', '=', 'enc')
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.public_jwk as JWK;
}

/** The serving side: who asks, whether the blob is shared with them, and the encrypted stream. */
async function serveFile(
  app: AppContext,
  authorization: string | undefined,
  sha256: string,
  ip: string | null,
): Promise<{ sealedKey: string; body: Readable }> {
  const { peer, payload } = await verifySignedRequest(app, authorization, 'file');
  if (payload.sha256 !== sha256)
    throw new EnvelopeError('bad-signature', 'The signed request does not match the file asked for.');
  const shared = await app.db
    .selectFrom('case_attachments as a')
    .innerJoin('case_shares as s', 's.case_id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.size_bytes', 's.scope'])
    .where('a.sha256', '=', sha256)
    .where('s.peer_id', '=', peer.id)
    .where('s.state', '=', 'active')
    .execute();
  const granted = shared.find((row) => row.scope.includes('attachments'));
  const store = fileStoreOf(app);
  if (!granted) {
    // The same answer whether the blob is unknown, in a case not shared with the peer, or shared without
    // the `attachments` scope: the peer learns nothing about what it may not have.
    await auditFile(
      app,
      'federation.file.refused',
      peer,
      {
        sha256,
        reason: shared.length > 0 ? 'case shared without the attachments scope' : 'not shared with this peer',
      },
      ip,
    );
    throw new LiaisonError('not-found', 'No such file.');
  }
  if (!(await store.has(sha256)))
    throw new LiaisonError('not-found', 'The file content is not stored here yet; ask again later.');
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const sizeBytes = Number(granted.size_bytes);
  const now = app.now().toISOString();
  const message: FederationMessage = {
    v: 1,
    id: randomUUID(),
    from: app.config.nodeName,
    to: peer.node_name,
    seq: 0,
    kind: 'file.key',
    createdAt: now,
    sentAt: now,
    body: {
      sha256,
      sizeBytes,
      key: key.toString('base64'),
      iv: iv.toString('base64'),
      inReplyTo: payload.nonce,
    },
  };
  const sealedKey = await sealMessage(federationOf(app).keyring, await peerEncKey(app, peer.id), message);
  const content = await store.open(sha256);
  try {
    await auditFile(
      app,
      'federation.file.served',
      peer,
      { sha256, attachmentId: granted.id, sizeBytes },
      ip,
      granted.case_id,
    );
  } catch (error) {
    content.destroy();
    throw error;
  }
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  async function* encrypt() {
    for await (const chunk of content) yield cipher.update(chunk as Buffer);
    yield cipher.final();
    yield cipher.getAuthTag();
  }
  return { sealedKey, body: Readable.from(encrypt()) };
}

export const attachmentFileRoutes: RouteModule = (api, app) => {
  api.addHook('onClose', async () => stopAttachmentJobs(app));
  // Node-to-node, like the other peer routes: 'public' at the HTTP layer, authenticated by the signature of
  // a known, active peer; anything else is rejected and audited.
  api.get(
    `${filesPath}/:sha256`,
    {
      config: { access: 'public' },
      schema: { tags: ['federation'], params: z.object({ sha256: Sha256 }) },
    },
    async (request, reply) => {
      try {
        const served = await serveFile(app, request.headers.authorization, request.params.sha256, request.ip);
        return reply
          .type('application/octet-stream')
          .header(keyHeader, served.sealedKey)
          .header('cache-control', 'no-store')
          .send(served.body);
      } catch (error) {
        if (error instanceof EnvelopeError) {
          await auditRejection(app, request.ip, error.reason, error.message);
          throw new LiaisonError('federation-rejected', `${error.reason}: ${error.message}`, {
            extra: { reason: error.reason },
          });
        }
        throw error;
      }
    },
  );
};

/** A fetched content refused on its merits (not a network failure): audited, retried later, never stored. */
class FetchRejected extends Error {}

/** Decrypts AES-256-GCM with the tag as the stream's last 16 bytes; fails at the end if it does not verify. */
function gcmOpener(key: Buffer, iv: Buffer): Transform {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const all = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const cut = Math.max(0, all.length - tagBytes);
      tail = Buffer.from(all.subarray(cut));
      done(null, cut > 0 ? decipher.update(all.subarray(0, cut)) : undefined);
    },
    flush(done) {
      try {
        if (tail.length !== tagBytes) throw new Error('truncated');
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch {
        done(new FetchRejected('the content does not authenticate (tampered with or truncated)'));
      }
    },
  });
}

interface PendingFetch {
  sha256: string;
  size_bytes: string;
  media_type: string;
  peer: PeerRow;
}

/** Downloads one blob from the peer into staging, checked end to end; throws FetchRejected or a network error. */
async function download(app: AppContext, fetch: PendingFetch): Promise<StagedFile> {
  const { peer, sha256 } = fetch;
  const problem = checkPeerUrl(peer.url);
  if (problem) throw new Error(`peer URL ${problem}`);
  const nonce = randomUUID();
  const keyring = federationOf(app).keyring;
  const signed = await signPayload(keyring, {
    from: app.config.nodeName,
    to: peer.node_name,
    purpose: 'file',
    iat: app.now().getTime(),
    nonce,
    sha256,
  });
  // A file may be large: the whole download gets 30 request timeouts (5 minutes by default).
  const response = await globalThis.fetch(new URL(`${filesPath}/${sha256}`, peer.url), {
    headers: { authorization: `Liaison-Signature ${signed}` },
    signal: AbortSignal.timeout(federationOf(app).settings.FEDERATION_TIMEOUT_MS * 30),
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`The peer answered HTTP ${response.status}.`);
  }
  let key: Buffer;
  let iv: Buffer;
  try {
    const { message } = await openMessage(keyring, response.headers.get(keyHeader) ?? '', async (kid) => {
      const row = await app.db
        .selectFrom('peer_keys')
        .select(['kid', 'public_jwk', 'retired_at'])
        .where('kid', '=', kid)
        .where('peer_id', '=', peer.id)
        .where('use', '=', 'sig')
        .executeTakeFirst();
      return row ? { kid: row.kid, jwk: row.public_jwk as JWK, retiredAt: row.retired_at } : undefined;
    });
    const body = message.body as Record<string, unknown>;
    if (
      message.kind !== 'file.key' ||
      message.from !== peer.node_name ||
      message.to !== app.config.nodeName ||
      body.inReplyTo !== nonce ||
      body.sha256 !== sha256 ||
      typeof body.key !== 'string' ||
      typeof body.iv !== 'string'
    )
      throw new Error('the key does not answer this request');
    key = Buffer.from(body.key, 'base64');
    iv = Buffer.from(body.iv, 'base64');
    if (key.length !== 32 || iv.length !== 12) throw new Error('malformed key');
  } catch (error) {
    await response.body.cancel().catch(() => {});
    throw new FetchRejected(`the file key is not valid: ${error instanceof Error ? error.message : error}`);
  }
  const opener = gcmOpener(key, iv);
  const source = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  pipeline(source, opener).catch((error) => opener.destroy(error));
  const store = fileStoreOf(app);
  const staged = await store.stage(opener, maxAttachmentBytes);
  const problems: string[] = [];
  if (staged.truncated) problems.push('longer than the largest attachment');
  if (staged.sha256 !== sha256) problems.push(`SHA-256 is ${staged.sha256}, not ${sha256}`);
  if (staged.sizeBytes !== Number(fetch.size_bytes))
    problems.push(`${staged.sizeBytes} bytes, not ${fetch.size_bytes}`);
  if (problems.length === 0) {
    const match = await contentMatchesType(fetch.media_type as AttachmentMediaType, staged.head);
    if (!match.ok)
      problems.push(`the content is ${match.detected ?? 'not recognisable'}, not ${fetch.media_type}`);
  }
  if (problems.length > 0) {
    await store.discard(staged);
    throw new FetchRejected(problems.join('; '));
  }
  return staged;
}

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
      const attachments = await trx
        .selectFrom('case_attachments')
        .select(['id', 'case_id'])
        .where(
          'id',
          'in',
          waiting.map((w) => w.attachment_id),
        )
        .execute();
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
        await appendAudit(
          trx,
          {
            actorId: null,
            actorAgency: p.agency_code,
            action: 'case.attachment_fetched',
            recordType: 'case',
            recordId: a.case_id,
            ip: null,
            details: { attachmentId: a.id, sha256, peer: p.node_name, stored: staged !== null },
          },
          app.now(),
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
    const rows = await trx
      .selectFrom('attachment_fetches as f')
      .innerJoin('case_attachments as a', 'a.id', 'f.attachment_id')
      .select(['f.attachment_id', 'f.attempts', 'a.case_id'])
      .where('f.sha256', '=', fetch.sha256)
      .where('f.peer_id', '=', fetch.peer.id)
      .execute();
    for (const row of rows) {
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
        await appendAudit(
          trx,
          {
            actorId: null,
            actorAgency: fetch.peer.agency_code,
            action: 'case.attachment_fetch_rejected',
            recordType: 'case',
            recordId: row.case_id,
            ip: null,
            details: {
              attachmentId: row.attachment_id,
              sha256: fetch.sha256,
              peer: fetch.peer.node_name,
              reason,
            },
          },
          app.now(),
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
  const due = await app.db
    .selectFrom('attachment_fetches as f')
    .innerJoin('case_attachments as a', 'a.id', 'f.attachment_id')
    .innerJoin('peers as p', 'p.id', 'f.peer_id')
    .select([
      'f.sha256',
      'f.size_bytes',
      'a.media_type',
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

interface JobState {
  running: Promise<void> | null;
  again: boolean;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
}
const jobStates = new WeakMap<AppContext, JobState>();

function jobState(app: AppContext): JobState {
  let state = jobStates.get(app);
  if (!state) {
    state = { running: null, again: false, timer: null, stopped: false };
    jobStates.set(app, state);
  }
  return state;
}

/**
 * Runs the attachment jobs soon, outside the caller's transaction, and again when the next retry is due.
 * Only on a node whose delivery worker runs by itself (tests drive the jobs directly).
 */
export function kickAttachmentJobs(app: AppContext): void {
  if (!federationOf(app).autoStart) return;
  const state = jobState(app);
  if (state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = runAttachmentJobs(app)
    .then(async () => {
      const next = await app.db
        .selectFrom('attachment_fetches')
        .select((eb) => eb.fn.min('next_attempt_at').as('at'))
        .executeTakeFirst();
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      if (next?.at && !state.stopped) {
        const wait = Math.max(0, new Date(next.at).getTime() - app.now().getTime());
        state.timer = setTimeout(() => kickAttachmentJobs(app), wait + 50);
        state.timer.unref();
      }
    })
    .catch((error) => app.log.error({ err: error }, 'attachment jobs'))
    .finally(() => {
      state.running = null;
      if (state.again && !state.stopped) {
        state.again = false;
        kickAttachmentJobs(app);
      }
    });
}

async function stopAttachmentJobs(app: AppContext): Promise<void> {
  const state = jobState(app);
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  await state.running;
  // A node serving again (same process, same context) starts afresh.
  jobStates.delete(app);
}
