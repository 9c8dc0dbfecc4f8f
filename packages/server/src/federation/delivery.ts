import { randomUUID } from 'node:crypto';
import { type AppContext, systemCtx, type Tx } from '../context.ts';
import { publishAll } from '../correlation/correlate.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import type { Job } from '../jobs/job.ts';
import { applyInOrder } from './apply-in-order.ts';
import { type FederationMessage, sealMessage, signPayload } from './envelope.ts';
import { deliveryListener, type PeerRow } from './outbox.ts';
import { peerEncryptionKey } from './peer-keys.ts';
import { type Receipt, receiveMessages } from './receive.ts';
import { checkPeerUrl, deliveryJobName, federationOf } from './runtime.ts';

export const messagesPath = '/api/federation/v1/messages';

type OutboxRow = { id: string; seq: string; kind: string; body: Record<string, unknown>; created_at: Date };

/** Signs and encrypts outbox rows for the peer; `sentAt` is the moment of sealing. */
export async function sealRows(
  app: AppContext,
  peer: { id: string; node_name: string },
  rows: OutboxRow[],
): Promise<string[]> {
  const runtime = federationOf(app);
  const key = await peerEncryptionKey(app, peer.id);
  const sentAt = app.now().toISOString();
  return Promise.all(
    rows.map((row) => {
      const { signKid, ...body } = row.body as { signKid?: string };
      const message: FederationMessage = {
        v: 1,
        id: row.id,
        from: app.config.nodeName,
        to: peer.node_name,
        seq: Number(row.seq),
        kind: row.kind,
        createdAt: row.created_at.toISOString(),
        sentAt,
        body,
      };
      return sealMessage(runtime.keyring, key, message, signKid);
    }),
  );
}

/** Marks our messages as acknowledged (or refused) by the peer, and tells the features that sent them. */
async function settle(
  trx: Tx,
  app: AppContext,
  rows: OutboxRow[],
  state: 'delivered' | 'failed',
  error: string | null,
): Promise<LiveEvent[]> {
  if (rows.length === 0) return [];
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .updateTable('outbox')
      .set({ state, last_error: error, delivered_at: state === 'delivered' ? app.now() : null })
      .where(
        'id',
        'in',
        rows.slice(i, i + 1000).map((r) => r.id),
      )
      .execute();
  const byKind = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const group = byKind.get(row.kind);
    if (group) group.push(row);
    else byKind.set(row.kind, [row]);
  }
  const events: LiveEvent[] = [];
  for (const [kind, group] of byKind)
    events.push(...((await deliveryListener(app, kind)?.(trx, app, group, state, error)) ?? []));
  return events;
}

function backoffMs(app: AppContext, attempts: number): number {
  const max = federationOf(app).settings.FEDERATION_MAX_BACKOFF_MS;
  const base = Math.min(max, 500 * 2 ** Math.min(attempts, 20));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * Posts a batch, the request signed (purpose `deliver`) so the peer knows it is us before reading the body
 * (a request it cannot attribute has a small body limit). Signed with the key the batch's first message
 * names if any (a key rotation's announcement: the peer knows only the old key until it applies it).
 */
async function post(app: AppContext, peer: PeerRow, rows: OutboxRow[], body: unknown): Promise<Response> {
  const signKid = rows.map((row) => (row.body as { signKid?: string }).signKid).find(Boolean);
  return fetch(new URL(messagesPath, peer.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: await signedHeader(app, peer, 'deliver', {}, signKid),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(federationOf(app).settings.FEDERATION_TIMEOUT_MS),
  });
}

/** Pushes one batch of due messages to one peer. Returns how many the peer acknowledged. */
async function pushBatch(
  app: AppContext,
  peer: PeerRow,
): Promise<{ delivered: number; more: boolean; failed: boolean }> {
  const batch = federationOf(app).settings.FEDERATION_BATCH;
  const rows = await app.db
    .selectFrom('outbox')
    .select(['id', 'seq', 'kind', 'body', 'created_at', 'attempts'])
    .where('peer_id', '=', peer.id)
    .where('state', 'in', ['queued', 'sent'])
    .where('next_attempt_at', '<=', app.now())
    .orderBy('seq')
    .limit(batch)
    .execute();
  if (rows.length === 0) return { delivered: 0, more: false, failed: false };
  const urlProblem = checkPeerUrl(peer.url);
  let receipts: Receipt[] | null = null;
  let failure: string | null = urlProblem ? `peer URL ${urlProblem}` : null;
  if (!failure) {
    try {
      const sealed = await sealRows(app, peer, rows);
      const response = await post(app, peer, rows, { messages: sealed });
      if (response.ok) receipts = ((await response.json()) as { receipts: Receipt[] }).receipts;
      else failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'network error';
    }
  }
  const now = app.now();
  let delivered = 0;
  const events: LiveEvent[] = [];
  await app.db.transaction().execute(async (trx) => {
    const ok: OutboxRow[] = [];
    for (const [i, row] of rows.entries()) {
      const receipt = receipts?.[i];
      if (receipt && receipt.status !== 'rejected') {
        ok.push(row);
        delivered += 1;
      } else if (receipt?.status === 'rejected' && receipt.id) {
        // The peer authenticated the message and a rule or handler refused it: final, with the reason.
        events.push(...(await settle(trx, app, [row], 'failed', receipt.reason ?? 'rejected')));
      } else {
        const reason = failure ?? `rejected: ${receipt?.reason ?? 'no receipt'}`;
        await trx
          .updateTable('outbox')
          .set({
            state: 'sent',
            attempts: row.attempts + 1,
            last_error: reason,
            sent_at: now,
            next_attempt_at: new Date(now.getTime() + backoffMs(app, row.attempts)),
          })
          .where('id', '=', row.id)
          .execute();
      }
    }
    events.push(...(await settle(trx, app, ok, 'delivered', null)));
    if (receipts)
      await trx.updateTable('peers').set({ last_contact_at: now }).where('id', '=', peer.id).execute();
  });
  await publishAll(systemCtx(app), events);
  return { delivered, more: rows.length === batch, failed: failure !== null };
}

/** Delivers everything due, peer by peer, batch by batch, until nothing is due (tests call this directly). */
export async function deliverPending(app: AppContext): Promise<{ delivered: number }> {
  const peers = await app.db
    .selectFrom('peers')
    .select(['id', 'node_name', 'agency_code', 'country', 'url', 'status'])
    .where('status', '=', 'active')
    .execute();
  let delivered = 0;
  for (const peer of peers) {
    for (;;) {
      const result = await pushBatch(app, peer);
      delivered += result.delivered;
      if (!result.more || result.failed) break;
    }
  }
  return { delivered };
}

async function signedHeader(
  app: AppContext,
  peer: PeerRow,
  purpose: string,
  extra: Record<string, unknown>,
  signKid?: string,
): Promise<string> {
  const payload = {
    from: app.config.nodeName,
    to: peer.node_name,
    purpose,
    iat: app.now().getTime(),
    nonce: randomUUID(),
    ...extra,
  };
  const jws = await signPayload(federationOf(app).keyring, payload, signKid);
  return `Liaison-Signature ${jws}`;
}

/**
 * Catch-up: asks the peer for its messages after the last one applied here (one signed GET; the `since`
 * acknowledges everything up to it). Used at start, on a timer, and whenever the peer was unreachable.
 */
export async function pullFrom(app: AppContext, peer: PeerRow): Promise<{ received: number }> {
  let received = 0;
  for (;;) {
    const state = await app.db
      .selectFrom('peers')
      .select('last_applied_seq')
      .where('id', '=', peer.id)
      .executeTakeFirstOrThrow();
    const since = Number(state.last_applied_seq);
    const url = new URL(messagesPath, peer.url);
    url.searchParams.set('since', String(since));
    const response = await fetch(url, {
      headers: { authorization: await signedHeader(app, peer, 'pull', { since }) },
      signal: AbortSignal.timeout(federationOf(app).settings.FEDERATION_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Pull from ${peer.node_name} failed: HTTP ${response.status}`);
    const page = (await response.json()) as { messages: string[]; more: boolean };
    if (page.messages.length > 0) {
      const receipts = await receiveMessages(app, page.messages, null);
      received += receipts.filter((r) => r.status === 'applied' || r.status === 'stored').length;
    }
    if (!page.more || page.messages.length === 0) return { received };
  }
}

export async function pullAll(app: AppContext): Promise<{ received: number }> {
  const peers = await app.db
    .selectFrom('peers')
    .select(['id', 'node_name', 'agency_code', 'country', 'url', 'status'])
    .where('status', '=', 'active')
    .execute();
  let received = 0;
  for (const peer of peers) {
    try {
      received += (await pullFrom(app, peer)).received;
    } catch (error) {
      app.log.debug({ err: error, peer: peer.node_name }, 'catch-up pull failed');
    }
  }
  return { received };
}

/** The sender side of a pull: acknowledge up to `since`, then hand over what follows, sealed. */
export async function servePull(
  app: AppContext,
  peer: PeerRow,
  since: number,
): Promise<{ messages: string[]; more: boolean }> {
  const acked = await app.db
    .selectFrom('outbox')
    .select(['id', 'seq', 'kind', 'body', 'created_at'])
    .where('peer_id', '=', peer.id)
    .where('seq', '<=', String(since))
    .where('state', 'in', ['queued', 'sent'])
    .execute();
  if (acked.length > 0) {
    const events = await app.db.transaction().execute((trx) => settle(trx, app, acked, 'delivered', null));
    await publishAll(systemCtx(app), events);
  }
  const batch = federationOf(app).settings.FEDERATION_BATCH;
  const rows = await app.db
    .selectFrom('outbox')
    .select(['id', 'seq', 'kind', 'body', 'created_at'])
    .where('peer_id', '=', peer.id)
    .where('seq', '>', String(since))
    .where('state', '!=', 'failed')
    .orderBy('seq')
    .limit(batch)
    .execute();
  await app.db.updateTable('peers').set({ last_contact_at: app.now() }).where('id', '=', peer.id).execute();
  return { messages: rows.length > 0 ? await sealRows(app, peer, rows) : [], more: rows.length === batch };
}

/** Federation's jobs run while the node serves HTTP, unless a test drives them by hand (`autoStart`). */
export const federationRuns = (app: AppContext): boolean => federationOf(app).autoStart;

/** Delivers what is due: woken by `kick()` after a commit, and every FEDERATION_POLL_MS for retries. */
export const deliveryJob: Job = {
  name: deliveryJobName,
  phase: 'serving',
  enabled: federationRuns,
  runAtStart: true,
  everyMs: (app) => federationOf(app).settings.FEDERATION_POLL_MS,
  run: async (app) => {
    await federationOf(app).keyring.all();
    await deliverPending(app);
  },
};

/** Catch-up: pulls from every peer at start (after an outage) and every FEDERATION_PULL_MS. */
export const catchUpJob: Job = {
  name: 'federation.pull',
  phase: 'serving',
  enabled: federationRuns,
  runAtStart: true,
  everyMs: (app) => federationOf(app).settings.FEDERATION_PULL_MS,
  run: async (app) => {
    await federationOf(app).keyring.all();
    await pullAll(app);
  },
};

export { applyInOrder };
