import { appendAudit } from '../audit/audit-repository.ts';
import type { AppContext } from '../context.ts';

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

export async function auditRejection(
  app: AppContext,
  ip: string | null,
  reason: string,
  detail: string,
  peer?: PeerRow,
  message?: Partial<FederationMessage>,
): Promise<void> {
  await app.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: null,
        actorAgency: peer?.agency_code ?? null,
        action: 'federation.message.rejected',
        recordType: 'federation_message',
        recordId: message?.id ?? null,
        ip,
        details: {
          reason,
          detail,
          peer: peer?.node_name ?? null,
          seq: message?.seq ?? null,
          kind: message?.kind ?? null,
        },
      },
      app.now(),
    ),
  );
  app.log.warn({ reason, peer: peer?.node_name }, 'federation message rejected');
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

/**
 * Receives a batch of sealed messages: each is authenticated, then stored idempotently (message id unique,
 * one message per peer and sequence number) before it is acknowledged; storage commits before the answer.
 * Then every peer's messages are applied in sequence order; later ones wait in the inbox for the gap to fill.
 */

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
