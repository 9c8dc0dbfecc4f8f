import { type Actor, authorize, authorizeAny, LiaisonError } from '@liaison/core';
import type { JWK } from 'jose';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-repository.ts';
import type { AppContext, Ctx, Db } from '../context.ts';
import { formatFingerprint, generateNodeKeys } from './keys.ts';
import { enqueueMessage } from './outbox.ts';
import { checkPeerUrl, federationOf } from './runtime.ts';

const PublicJwk = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.enum(['Ed25519', 'X25519']),
  x: z.string().min(40).max(60),
  kid: z.string().min(20).max(80),
});

/** The file `liaison peer export` writes and `liaison peer add` reads: public keys only. */
export const PeerIdentity = z.object({
  format: z.literal('liaison-peer/1'),
  node: z.string().regex(/^[a-z0-9-]{2,40}$/),
  agency: z.string().min(2).max(16),
  country: z.string().regex(/^[A-Z]{2}$/),
  url: z.string().url(),
  signingKey: PublicJwk,
  encryptionKey: PublicJwk,
  fingerprint: z.string(),
});
export type PeerIdentity = z.infer<typeof PeerIdentity>;

export const Peer = z.object({
  id: z.string(),
  node: z.string(),
  agency: z.string(),
  country: z.string(),
  url: z.string(),
  status: z.enum(['active', 'suspended']),
  fingerprint: z.string(),
  lastContactAt: z.string().nullable(),
  queued: z.number(),
});
export type Peer = z.infer<typeof Peer>;

function auditActor(actor: Actor) {
  return { actorId: actor.via === 'system' ? null : actor.userId, actorAgency: actor.agencyCode };
}

export async function exportIdentity(app: AppContext): Promise<PeerIdentity> {
  const keyring = federationOf(app).keyring;
  const sig = await keyring.active('sig');
  const enc = await keyring.active('enc');
  return {
    format: 'liaison-peer/1',
    node: app.config.nodeName,
    agency: app.config.nodeAgency,
    country: app.config.nodeCountry,
    url: app.config.publicUrl,
    signingKey: sig.publicJwk as PeerIdentity['signingKey'],
    encryptionKey: enc.publicJwk as PeerIdentity['encryptionKey'],
    fingerprint: formatFingerprint(sig.kid, enc.kid),
  };
}

/** The fingerprint recomputed from the keys themselves: a file cannot claim a fingerprint it does not have. */
export function identityFingerprint(identity: PeerIdentity): string {
  return formatFingerprint(identity.signingKey.kid, identity.encryptionKey.kid);
}

export async function listPeers(ctx: Ctx, actor: Actor): Promise<Peer[]> {
  authorizeAny(actor, ['exchange.read', 'peers.manage']);
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

async function insertKey(db: Db, peerId: string, use: 'sig' | 'enc', jwk: JWK, at: Date): Promise<void> {
  await db
    .insertInto('peer_keys')
    .values({ kid: jwk.kid!, peer_id: peerId, use, public_jwk: JSON.stringify(jwk), added_at: at })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
  // The newest key of each use is the one we encrypt to; older keys stay to verify older messages.
  await db
    .updateTable('peer_keys')
    .set({ retired_at: at })
    .where('peer_id', '=', peerId)
    .where('use', '=', use)
    .where('kid', '!=', jwk.kid!)
    .where('retired_at', 'is', null)
    .execute();
}

/**
 * Adds a peer from its identity file, or updates the keys of a known one (key rotation done out of band).
 * The caller has shown the fingerprint and had it confirmed; the confirmed fingerprint must match the keys.
 */
export async function addPeer(
  ctx: Ctx,
  actor: Actor,
  identity: PeerIdentity,
  confirmedFingerprint: string,
): Promise<Peer> {
  authorize(actor, 'peers.manage');
  const fingerprint = identityFingerprint(identity);
  if (confirmedFingerprint !== fingerprint)
    throw new LiaisonError(
      'invalid-input',
      `The confirmed fingerprint does not match the keys in the file (${fingerprint}).`,
    );
  const urlProblem = checkPeerUrl(identity.url);
  if (urlProblem)
    throw new LiaisonError('invalid-input', `The peer URL ${urlProblem}.`, {
      fields: [{ path: '/url', message: urlProblem }],
    });
  if (identity.node === ctx.app.config.nodeName)
    throw new LiaisonError('invalid-input', 'This is the identity of this node itself.');
  const now = ctx.app.now();
  const id = await ctx.app.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('peers')
      .select('id')
      .where('node_name', '=', identity.node)
      .forUpdate()
      .executeTakeFirst();
    const peerId = existing
      ? (
          await trx
            .updateTable('peers')
            .set({
              agency_code: identity.agency,
              country: identity.country,
              url: identity.url,
              fingerprint,
              updated_at: now,
            })
            .where('id', '=', existing.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('peers')
            .values({
              node_name: identity.node,
              agency_code: identity.agency,
              country: identity.country,
              url: identity.url,
              fingerprint,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await insertKey(trx, peerId, 'sig', identity.signingKey, now);
    await insertKey(trx, peerId, 'enc', identity.encryptionKey, now);
    await appendAudit(
      trx,
      {
        ...auditActor(actor),
        action: existing ? 'peer.keys-updated' : 'peer.added',
        recordType: 'peer',
        recordId: peerId,
        ip: ctx.ip,
        details: {
          node: identity.node,
          agency: identity.agency,
          country: identity.country,
          url: identity.url,
          fingerprint,
        },
      },
      now,
    );
    return peerId;
  });
  return (await listPeers(ctx, { ...actor, via: 'system' })).find((p) => p.id === id)!;
}

export async function setPeerStatus(
  ctx: Ctx,
  actor: Actor,
  nodeOrId: string,
  status: 'active' | 'suspended',
): Promise<Peer> {
  authorize(actor, 'peers.manage');
  const now = ctx.app.now();
  const id = await ctx.app.db.transaction().execute(async (trx) => {
    const peer = await findPeer(trx, nodeOrId);
    if (!peer) throw new LiaisonError('not-found', 'No such peer.');
    await trx.updateTable('peers').set({ status, updated_at: now }).where('id', '=', peer.id).execute();
    await appendAudit(
      trx,
      {
        ...auditActor(actor),
        action: status === 'active' ? 'peer.activated' : 'peer.suspended',
        recordType: 'peer',
        recordId: peer.id,
        ip: ctx.ip,
        details: { node: peer.node_name },
      },
      now,
    );
    return peer.id;
  });
  if (status === 'active') federationOf(ctx.app).kick();
  return (await listPeers(ctx, { ...actor, via: 'system' })).find((p) => p.id === id)!;
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
  await ctx.app.db.transaction().execute(async (trx) => {
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
    await appendAudit(
      trx,
      {
        ...auditActor(actor),
        action: 'node.keys-rotated',
        recordType: 'node',
        recordId: ctx.app.config.nodeName,
        ip: ctx.ip,
        details: { previousSigningKey: oldSig.kid, peersNotified: peers.length },
      },
      now,
    );
  });
  runtime.keyring.reset();
  runtime.kick();
  return exportIdentity(ctx.app);
}
