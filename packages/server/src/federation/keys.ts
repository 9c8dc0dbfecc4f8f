import type { KeyObject } from 'node:crypto';
/** What jose signs, verifies, encrypts and decrypts with. */
export type SigningKey =
  | Exclude<Awaited<ReturnType<typeof import('jose').importJWK>>, Uint8Array>
  | KeyObject;

import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { AppContext, Db } from '../context.ts';
import { seal, unseal } from '../secrets/sealing.ts';

/** A key pair of this node: Ed25519 to sign (`sig`), X25519 to receive encrypted messages (`enc`). */
export interface NodeKey {
  kid: string;
  use: 'sig' | 'enc';
  publicJwk: JWK;
  privateKey: SigningKey;
  retired: boolean;
}

export const signAlg = 'EdDSA';
export const keyAlg = 'ECDH-ES';
export const contentEnc = 'A256GCM';

async function newKey(use: 'sig' | 'enc'): Promise<{ kid: string; publicJwk: JWK; privateJwk: JWK }> {
  const pair =
    use === 'sig'
      ? await generateKeyPair('Ed25519', { extractable: true })
      : await generateKeyPair(keyAlg, { crv: 'X25519', extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    publicJwk: { ...publicJwk, kid, use },
    privateJwk: { ...(await exportJWK(pair.privateKey)), kid, use },
  };
}

/** Adds a fresh key pair of each use; earlier keys stay (retired) so old messages still verify and decrypt. */
export async function generateNodeKeys(db: Db, at: Date): Promise<void> {
  await db.updateTable('node_keys').set({ retired_at: at }).where('retired_at', 'is', null).execute();
  for (const use of ['sig', 'enc'] as const) {
    const key = await newKey(use);
    await db
      .insertInto('node_keys')
      .values({
        kid: key.kid,
        use,
        public_jwk: JSON.stringify(key.publicJwk),
        // Private JWKs are sealed at rest when SEAL_SECRET is set (secrets/sealing.ts).
        private_jwk: seal(JSON.stringify(key.privateJwk), 'node-keys'),
        created_at: at,
      })
      .execute();
  }
}

/** The node's keys, cached per process; made at first start. */
export class NodeKeyring {
  private keys: NodeKey[] | null = null;

  /** The node's context, read at each use (built with the context it serves). */
  constructor(private readonly appOf: () => AppContext) {}

  private get app(): AppContext {
    return this.appOf();
  }

  async all(): Promise<NodeKey[]> {
    if (this.keys) return this.keys;
    let rows = await this.app.db.selectFrom('node_keys').selectAll().orderBy('created_at', 'desc').execute();
    if (rows.length === 0) {
      await this.app.db.transaction().execute((trx) => generateNodeKeys(trx, this.app.now()));
      rows = await this.app.db.selectFrom('node_keys').selectAll().orderBy('created_at', 'desc').execute();
    }
    const keys: NodeKey[] = [];
    for (const row of rows) {
      const privateJwk = JSON.parse(unseal(row.private_jwk, 'node-keys')) as JWK;
      const alg = row.use === 'sig' ? signAlg : keyAlg;
      keys.push({
        kid: row.kid,
        use: row.use,
        publicJwk: row.public_jwk as JWK,
        privateKey: (await importJWK(privateJwk, alg)) as SigningKey,
        retired: row.retired_at !== null,
      });
    }
    this.keys = keys;
    return keys;
  }

  async active(use: 'sig' | 'enc'): Promise<NodeKey> {
    const key = (await this.all()).find((k) => k.use === use && !k.retired);
    if (!key) throw new Error(`The node has no active ${use} key.`);
    return key;
  }

  async byKid(kid: string): Promise<NodeKey | undefined> {
    return (await this.all()).find((k) => k.kid === kid);
  }

  /** Forget the cache (after a rotation). */
  reset(): void {
    this.keys = null;
  }
}
