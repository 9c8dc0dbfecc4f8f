import { type Actor, authorize, authorizeAny, LiaisonError } from '@liaison/core';
import type { Peer, PeerIdentity } from '@liaison/core/federation/peers';
import { z } from 'zod';
import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext, Ctx, Db } from '../context.ts';
import { generateNodeKeys } from './keys.ts';
import { enqueueMessage } from './outbox.ts';
import { identityFingerprint } from './peer-identity.ts';
import { federationOf } from './runtime.ts';

export async function exportIdentity(app: AppContext): Promise<PeerIdentity> {
  const keyring = federationOf(app).keyring;
  const sig = await keyring.active('sig');
  const enc = await keyring.active('enc');
  const identity: PeerIdentity = {
    format: 'liaison-peer/1',
    node: app.config.nodeName,
    agency: app.config.nodeAgency,
    country: app.config.nodeCountry,
    url: app.config.publicUrl,
    signingKey: sig.publicJwk as PeerIdentity['signingKey'],
    encryptionKey: enc.publicJwk as PeerIdentity['encryptionKey'],
    fingerprint: '',
  };
  return { ...identity, fingerprint: await identityFingerprint(identity) };
}

export async function listPeers(ctx: Ctx, actor: Actor): Promise<Peer[]> {
  authorizeAny(actor, ['exchange.read', 'peers.manage']);
  return readPeers(ctx);
}

/** One peer as listed, without the caller's rights: only to answer the caller about the peer they just changed. */
export async function readPeerAfterWrite(ctx: Ctx, id: string): Promise<Peer> {
  return (await readPeers(ctx)).find((p) => p.id === id)!;
}

async function readPeers(ctx: Ctx): Promise<Peer[]> {
  const rows = await ctx.app.db
    .selectFrom('peers')
    .selectAll('peers')
    .select((eb) =>
      eb
        .selectFrom('outbox')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('outbox.peer_id', '=', 'peers.id')
        .where('outbox.state', 'in', ['queued', 'sent'])
        .as('queued'),
    )
    .orderBy('node_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    node: r.node_name,
    agency: r.agency_code,
    country: r.country,
    url: r.url,
    status: r.status,
    fingerprint: r.fingerprint,
    lastContactAt: r.last_contact_at?.toISOString() ?? null,
    queued: Number(r.queued ?? 0),
  }));
}

export async function findPeer(db: Db, nodeOrId: string) {
  const byId = z.uuid().safeParse(nodeOrId).success;
  return db
    .selectFrom('peers')
    .selectAll()
    .where(byId ? 'id' : 'node_name', '=', nodeOrId)
    .executeTakeFirst();
}

export async function setPeerStatus(
  ctx: Ctx,
  actor: Actor,
  nodeOrId: string,
  status: 'active' | 'suspended',
): Promise<Peer> {
  authorize(actor, 'peers.manage');
  const now = ctx.app.now();
  const id = await withAudit(ctx.app.db, async (trx) => {
    const peer = await findPeer(trx, nodeOrId);
    if (!peer) throw new LiaisonError('not-found', 'No such peer.');
    await trx.updateTable('peers').set({ status, updated_at: now }).where('id', '=', peer.id).execute();
    await audit(
      { ...ctx, trx },
      actor,
      status === 'active' ? 'peer.activated' : 'peer.suspended',
      { type: 'peer', id: peer.id },
      { node: peer.node_name },
    );
    return peer.id;
  });
  if (status === 'active') federationOf(ctx.app).kick();
  return readPeerAfterWrite(ctx, id);
}

/**
 * New key pairs for this node. Old keys are kept: they still decrypt messages already on their way and
 * verify what was signed before. Every active peer is told the new public keys in a message signed with
 * the old signing key, so trust carries over without a new out-of-band exchange.
 */
export async function rotateNodeKeys(ctx: Ctx, actor: Actor): Promise<PeerIdentity> {
  authorize(actor, 'peers.manage');
  const runtime = federationOf(ctx.app);
  const oldSig = await runtime.keyring.active('sig');
  const now = ctx.app.now();
  await withAudit(ctx.app.db, async (trx) => {
    await generateNodeKeys(trx, now);
    const fresh = await trx
      .selectFrom('node_keys')
      .select(['use', 'public_jwk'])
      .where('retired_at', 'is', null)
      .execute();
    const keys = Object.fromEntries(fresh.map((k) => [k.use, k.public_jwk]));
    const peers = await trx.selectFrom('peers').select('id').where('status', '=', 'active').execute();
    for (const peer of peers)
      await enqueueMessage(trx, ctx.app, peer.id, 'federation.keys', {
        signingKey: keys.sig,
        encryptionKey: keys.enc,
        signKid: oldSig.kid,
      });
    await audit(
      { ...ctx, trx },
      actor,
      'node.keys-rotated',
      { type: 'node', id: ctx.app.config.nodeName },
      { previousSigningKey: oldSig.kid, peersNotified: peers.length },
    );
  });
  runtime.keyring.reset();
  runtime.kick();
  return exportIdentity(ctx.app);
}
