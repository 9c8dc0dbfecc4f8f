import type { JWK } from 'jose';
import type { AppContext } from '../context.ts';

// A known peer's public keys, as this node stored them when the peer was added or rotated its keys.

/** The key to encrypt for the peer: its current X25519 key. */
export async function peerEncryptionKey(app: AppContext, peerId: string): Promise<JWK> {
  const row = await app.db
    .selectFrom('peer_keys')
    .select('public_jwk')
    .where('peer_id', '=', peerId)
    .where('use', '=', 'enc')
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new Error('The peer has no encryption key.');
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
