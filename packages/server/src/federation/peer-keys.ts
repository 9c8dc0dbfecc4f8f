import type { JWK } from 'jose';
import type { AppContext, Db } from '../context.ts';
import { isOwnThumbprint, type KeyUse } from './peer-identity.ts';

// A known peer's public keys, as this node stored them when the peer was added or rotated its keys.

/** The key to encrypt for the peer: its current X25519 key, only if its id is its thumbprint. */
export async function peerEncryptionKey(app: AppContext, peerId: string): Promise<JWK> {
  const row = await app.db
    .selectFrom('peer_keys')
    .select(['kid', 'public_jwk'])
    .where('peer_id', '=', peerId)
    .where('use', '=', 'enc')
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new Error('The peer has no encryption key.');
  // A key stored before ids were checked may be another key under the peer's id: never encrypt to it.
  if (!(await isOwnThumbprint(row.public_jwk as JWK, row.kid)))
    throw new Error(`The stored encryption key ${row.kid} is not the key with that id; add the peer again.`);
  return row.public_jwk as JWK;
}

/** Finds the peer's signing key by its id (current or retired), for `openMessage` to check a signature. */
export function peerSigningKeys(app: AppContext, peerId: string) {
  return async (kid: string) => {
    const row = await app.db
      .selectFrom('peer_keys')
      .select(['kid', 'public_jwk', 'retired_at'])
      .where('kid', '=', kid)
      .where('peer_id', '=', peerId)
      .where('use', '=', 'sig')
      .executeTakeFirst();
    return row ? { kid: row.kid, jwk: row.public_jwk as JWK, retiredAt: row.retired_at } : undefined;
  };
}

/** The peer's current keys (none when it has none of a use). */
export async function activePeerKeys(db: Db, peerId: string): Promise<Partial<Record<KeyUse, JWK>>> {
  const rows = await db
    .selectFrom('peer_keys')
    .select(['use', 'public_jwk'])
    .where('peer_id', '=', peerId)
    .where('retired_at', 'is', null)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.use, r.public_jwk as JWK]));
}

/** Which of these key ids another peer (not `peerId`) already holds: a key belongs to one peer only. */
export async function keysOfOtherPeers(db: Db, peerId: string | null, kids: string[]) {
  let query = db
    .selectFrom('peer_keys')
    .innerJoin('peers', 'peers.id', 'peer_keys.peer_id')
    .select(['peer_keys.kid', 'peers.node_name'])
    .where('peer_keys.kid', 'in', kids);
  if (peerId) query = query.where('peer_keys.peer_id', '!=', peerId);
  return query.execute();
}

/**
 * Makes these the peer's current keys (ids checked as thumbprints by the caller). Older keys stay, retired,
 * to verify what was signed before; a key the peer held before becomes current again.
 */
export async function storePeerKeys(
  db: Db,
  peerId: string,
  keys: Record<KeyUse, JWK>,
  at: Date,
): Promise<void> {
  for (const use of ['sig', 'enc'] as const) {
    const jwk = keys[use];
    await db
      .insertInto('peer_keys')
      .values({ kid: jwk.kid!, peer_id: peerId, use, public_jwk: JSON.stringify(jwk), added_at: at })
      .onConflict((oc) =>
        oc
          .column('kid')
          // The id is the key's thumbprint, so this is the key stored under it (replacing one stored unchecked).
          .doUpdateSet({ public_jwk: JSON.stringify(jwk), retired_at: null })
          .where('peer_keys.peer_id', '=', peerId),
      )
      .execute();
    await db
      .updateTable('peer_keys')
      .set({ retired_at: at })
      .where('peer_id', '=', peerId)
      .where('use', '=', use)
      .where('kid', '!=', jwk.kid!)
      .where('retired_at', 'is', null)
      .execute();
  }
}
