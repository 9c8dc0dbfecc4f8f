import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { keyAlg, signAlg } from './keys.ts';

// A partner's identity: who it says it is, where it is reached, and its public keys. A key id is trusted only
// as the key's own RFC 7638 thumbprint, and the fingerprint people compare by phone covers all of it. The
// identity file's schema is core's PeerIdentity (core/federation/peers.ts).

export type KeyUse = 'sig' | 'enc';
const curveOf = { sig: 'Ed25519', enc: 'X25519' } as const;
const nameOf = { sig: 'signing', enc: 'encryption' } as const;

/** Why a public key cannot be taken as given. */
export interface KeyProblem {
  use: KeyUse;
  reason: 'wrong-key-type' | 'key-id-mismatch';
  message: string;
}

const ownThumbprints = new Map<string, boolean>();

/** Whether `kid` is the RFC 7638 thumbprint of the key (remembered: checked on every signature and seal). */
export async function isOwnThumbprint(jwk: JWK, kid: string): Promise<boolean> {
  const cacheKey = `${kid}|${jwk.kty}|${jwk.crv}|${jwk.x}`;
  let own = ownThumbprints.get(cacheKey);
  if (own === undefined) {
    own = await calculateJwkThumbprint(jwk).then(
      (thumbprint) => thumbprint === kid,
      () => false,
    );
    if (ownThumbprints.size > 10_000) ownThumbprints.clear();
    ownThumbprints.set(cacheKey, own);
  }
  return own;
}

/** Checks one public key of a peer for its use: the right curve, readable, and its id its thumbprint. */
export async function publicKeyProblem(jwk: unknown, use: KeyUse): Promise<KeyProblem | null> {
  const key = (typeof jwk === 'object' && jwk !== null ? jwk : {}) as JWK;
  const wrongType: KeyProblem = {
    use,
    reason: 'wrong-key-type',
    message: `The ${nameOf[use]} key must be an ${curveOf[use]} public key (OKP) with a key id.`,
  };
  if (
    key.kty !== 'OKP' ||
    key.crv !== curveOf[use] ||
    typeof key.x !== 'string' ||
    typeof key.kid !== 'string'
  )
    return wrongType;
  if (key.d !== undefined) return { ...wrongType, message: `The ${nameOf[use]} key must be a public key.` };
  try {
    await importJWK({ kty: key.kty, crv: key.crv, x: key.x }, use === 'sig' ? signAlg : keyAlg);
  } catch {
    return wrongType;
  }
  const thumbprint = await calculateJwkThumbprint(key);
  if (thumbprint === key.kid) return null;
  return {
    use,
    reason: 'key-id-mismatch',
    message: `The ${nameOf[use]} key id ${key.kid} is not the key's RFC 7638 thumbprint (${thumbprint}): the file was altered or forged.`,
  };
}

/** Both keys of an identity checked; empty when they can be trusted to be what their ids say. */
export async function identityKeyProblems(keys: {
  signingKey: unknown;
  encryptionKey: unknown;
}): Promise<KeyProblem[]> {
  const problems = await Promise.all([
    publicKeyProblem(keys.signingKey, 'sig'),
    publicKeyProblem(keys.encryptionKey, 'enc'),
  ]);
  return problems.filter((p): p is KeyProblem => p !== null);
}

/** What the fingerprint covers. */
export interface FingerprintedIdentity {
  node: string;
  agency: string;
  country: string;
  url: string;
  signingKey: JWK;
  encryptionKey: JWK;
}

/**
 * The fingerprint people read aloud: SHA-256 over the node name, agency, country, URL and the thumbprints of
 * both keys (computed from the keys, whatever ids the file states), in 16 groups of four hex digits.
 * A file that changes any of them shows a different fingerprint.
 */
export async function identityFingerprint(identity: FingerprintedIdentity): Promise<string> {
  const covered = [
    'liaison-peer/1',
    identity.node,
    identity.agency,
    identity.country,
    identity.url,
    await calculateJwkThumbprint(identity.signingKey),
    await calculateJwkThumbprint(identity.encryptionKey),
  ];
  const hex = createHash('sha256').update(JSON.stringify(covered)).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** One way a file differs from the identity this node holds for that peer. */
export interface IdentityChange {
  field: 'agency' | 'country' | 'url' | 'signingKey' | 'encryptionKey';
  known: string;
  file: string;
}

/** What this node holds for a peer: its keys may be missing (a peer stored without current keys). */
export type KnownIdentity = Omit<FingerprintedIdentity, 'node' | 'signingKey' | 'encryptionKey'> & {
  signingKey: JWK | undefined;
  encryptionKey: JWK | undefined;
};

async function thumbprintOrNothing(jwk: JWK | undefined): Promise<string> {
  return jwk ? calculateJwkThumbprint(jwk).catch(() => '') : '';
}

/** How `identity` differs from what is known of the same node (keys by their thumbprints, not stored ids). */
export async function identityChanges(
  known: KnownIdentity,
  identity: FingerprintedIdentity,
): Promise<IdentityChange[]> {
  const changes: IdentityChange[] = [];
  for (const field of ['agency', 'country', 'url'] as const)
    if (known[field] !== identity[field]) changes.push({ field, known: known[field], file: identity[field] });
  for (const field of ['signingKey', 'encryptionKey'] as const) {
    const [was, now] = await Promise.all([
      thumbprintOrNothing(known[field]),
      calculateJwkThumbprint(identity[field]),
    ]);
    if (was !== now) changes.push({ field, known: was, file: now });
  }
  return changes;
}

/** Fingerprints compare without regard to spacing or case, as people type what they hear. */
export function sameFingerprint(typed: string, fingerprint: string): boolean {
  const plain = (text: string) => text.replace(/\s+/g, '').toUpperCase();
  return plain(typed) === plain(fingerprint);
}
