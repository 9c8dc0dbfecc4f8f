import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext, Tx } from '../context.ts';

import {
  EnvelopeError,
  type FederationMessage,
  openMessage,
  type SignerKey,
  verifyPayload,
} from './envelope.ts';
import type { PeerRow } from './outbox.ts';
import { federationOf } from './runtime.ts';

// Who sent a message or a signed request: a known, active peer, by its signing key; rejections audited.

/** A message's signer may use a retired key only for what it signed before the key was retired. */
const retiredKeyGraceMs = 5 * 60_000;

/** Looks up which peer signs with a key; remembers the peer row for the caller. */
export function signerLookup(app: AppContext, cache?: SignerCache) {
  const found: { peer?: PeerRow; key?: SignerKey } = {};
  const find = async (kid: string): Promise<SignerKey | undefined> => {
    let pending = cache?.get(kid);
    if (!pending) {
      pending = loadSigner(app, kid);
      cache?.set(kid, pending);
    }
    const row = await pending;
    if (!row) return undefined;
    found.peer = {
      id: row.id,
      node_name: row.node_name,
      agency_code: row.agency_code,
      country: row.country,
      url: row.url,
      status: row.status,
    };
    found.key = { kid: row.kid, jwk: row.public_jwk, retiredAt: row.retired_at };
    return found.key;
  };
  return { find, found };
}

/** Signers looked up during one batch, by key id (the lookup itself, so concurrent opens share it). */
export type SignerCache = Map<string, ReturnType<typeof loadSigner>>;

function loadSigner(app: AppContext, kid: string) {
  return app.db
    .selectFrom('peer_keys')
    .innerJoin('peers', 'peers.id', 'peer_keys.peer_id')
    .select([
      'peer_keys.kid',
      'peer_keys.public_jwk',
      'peer_keys.retired_at',
      'peers.id',
      'peers.node_name',
      'peers.agency_code',
      'peers.country',
      'peers.url',
      'peers.status',
    ])
    .where('peer_keys.kid', '=', kid)
    .where('peer_keys.use', '=', 'sig')
    .executeTakeFirst();
}

export interface Rejection {
  reason: string;
  detail: string;
  peer?: PeerRow | undefined;
  message?: Partial<FederationMessage> | undefined;
}

/** The entry for one rejected message, queued in the caller's transaction. */
function auditRejectionIn(
  trx: Tx,
  app: AppContext,
  ip: string | null,
  { reason, detail, peer, message }: Rejection,
) {
  return audit(
    { app, ip, trx },
    { actorId: null, actorAgency: peer?.agency_code ?? null },
    'federation.message.rejected',
    { type: 'federation_message', id: message?.id ?? null },
    {
      reason,
      detail,
      peer: peer?.node_name ?? null,
      seq: message?.seq ?? null,
      kind: message?.kind ?? null,
    },
  );
}

export async function auditRejection(
  app: AppContext,
  ip: string | null,
  reason: string,
  detail: string,
  peer?: PeerRow,
  message?: Partial<FederationMessage>,
): Promise<void> {
  await auditRejections(app, ip, [{ reason, detail, peer, message }]);
}

/** One entry per rejected message, chained in one transaction (a known peer's batch). */
export async function auditRejections(app: AppContext, ip: string | null, rejections: Rejection[]) {
  if (rejections.length === 0) return;
  await withAudit(app.db, async (trx) => {
    for (const rejection of rejections) await auditRejectionIn(trx, app, ip, rejection);
  });
  for (const { reason, peer } of rejections)
    app.log.warn({ reason, peer: peer?.node_name }, 'federation message rejected');
}

/**
 * One entry for all the messages of a request no known peer signed that were rejected: counts by reason, the
 * peers whose keys they named, and the first detail. Anyone can post such a request, so its size in the audit
 * log must not grow with the number of items in it.
 */
export async function auditRejectedBatch(
  app: AppContext,
  ip: string | null,
  received: number,
  rejections: Rejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  const reasons: Record<string, number> = {};
  for (const { reason } of rejections) reasons[reason] = (reasons[reason] ?? 0) + 1;
  const peers = [...new Set(rejections.flatMap((r) => (r.peer ? [r.peer.node_name] : [])))];
  await withAudit(app.db, (trx) =>
    audit(
      { app, ip: ip, trx },
      { actorId: null, actorAgency: null },
      'federation.messages.rejected',
      { type: 'federation_request', id: null },
      { received, rejected: rejections.length, reasons, peers, detail: rejections[0]!.detail },
    ),
  );
  app.log.warn({ ip, reasons }, 'federation messages from an unknown sender rejected');
}

/** Checks everything about one sealed message except replay; the failure names the reason. */
export async function authenticate(
  app: AppContext,
  sealed: string,
  { sequenced }: { sequenced: boolean },
  cache?: SignerCache,
): Promise<{ message: FederationMessage; peer: PeerRow }> {
  const lookup = signerLookup(app, cache);
  const { message } = await openMessage(federationOf(app).keyring, sealed, lookup.find);
  const peer = lookup.found.peer!;
  const key = lookup.found.key!;
  if (key.retiredAt && Date.parse(message.createdAt) > key.retiredAt.getTime() + retiredKeyGraceMs) {
    throw new EnvelopeError('bad-signature', 'Signed with a key the peer has retired.', key.kid);
  }
  if (message.from !== peer.node_name)
    throw new EnvelopeError(
      'bad-signature',
      `Signed by ${peer.node_name} but claims to come from ${message.from}.`,
      key.kid,
    );
  if (message.to !== app.config.nodeName)
    throw new EnvelopeError('wrong-recipient', `Addressed to ${message.to}, not to this node.`, key.kid);
  if (peer.status !== 'active')
    throw new EnvelopeError('unknown-peer', `The peer ${peer.node_name} is suspended.`, key.kid);
  if (sequenced ? !(Number.isSafeInteger(message.seq) && message.seq >= 1) : message.seq !== 0) {
    throw new EnvelopeError('malformed', 'The sequence number is not valid.', key.kid);
  }
  return { message, peer };
}

/** Checks a `Liaison-Signature` request header: a known, active peer signed it for us, for this purpose, now. */
export async function verifySignedRequest(
  app: AppContext,
  header: string | undefined,
  purpose: string,
): Promise<{ peer: PeerRow; payload: Record<string, unknown> }> {
  if (!header?.startsWith('Liaison-Signature '))
    throw new EnvelopeError('malformed', 'The request is not signed.');
  const lookup = signerLookup(app);
  const { payload } = await verifyPayload(header.slice('Liaison-Signature '.length).trim(), lookup.find);
  const peer = lookup.found.peer!;
  const p = payload as Record<string, unknown>;
  if (p.to !== app.config.nodeName)
    throw new EnvelopeError('wrong-recipient', 'The request is for another node.');
  if (p.from !== peer.node_name || p.purpose !== purpose)
    throw new EnvelopeError('bad-signature', 'The signed request does not match.');
  if (typeof p.iat !== 'number' || Math.abs(app.now().getTime() - p.iat) > 120_000)
    throw new EnvelopeError('bad-signature', 'The signed request is too old or from the future.');
  if (peer.status !== 'active')
    throw new EnvelopeError('unknown-peer', `The peer ${peer.node_name} is suspended.`);
  return { peer, payload: p };
}

/**
 * The known, active peer that signed a delivery request's header (purpose `deliver`), or null: no header, or
 * one that does not verify. Decides the request's limits before its body is read; every message in the body
 * is still authenticated on its own.
 */
export async function identifySender(app: AppContext, header: string | undefined): Promise<PeerRow | null> {
  if (!header) return null;
  try {
    return (await verifySignedRequest(app, header, 'deliver')).peer;
  } catch (error) {
    if (error instanceof EnvelopeError) return null;
    throw error;
  }
}
