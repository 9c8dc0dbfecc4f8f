import type { KeyObject } from 'node:crypto';

/** What jose signs, verifies, encrypts and decrypts with. */
type SigningKey = Exclude<Awaited<ReturnType<typeof import('jose').importJWK>>, Uint8Array> | KeyObject;

import {
  CompactEncrypt,
  CompactSign,
  compactDecrypt,
  compactVerify,
  decodeProtectedHeader,
  importJWK,
  type JWK,
} from 'jose';
import { contentEnc, keyAlg, type NodeKeyring, signAlg } from './keys.ts';
import { isOwnThumbprint } from './peer-identity.ts';

/** What travels between nodes, signed by the sender (JWS) and then encrypted for the recipient (JWE). */
export interface FederationMessage {
  v: 1;
  id: string;
  from: string;
  to: string;
  /** Per-peer sequence number; 0 for messages outside the ordered stream (hit queries and answers). */
  seq: number;
  kind: string;
  createdAt: string;
  sentAt: string;
  body: Record<string, unknown>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const importCache = new Map<string, SigningKey>();

async function publicKey(jwk: JWK, alg: string): Promise<SigningKey> {
  const cacheKey = `${alg}:${jwk.x}`;
  let key = importCache.get(cacheKey);
  if (!key) {
    key = (await importJWK(jwk, alg)) as SigningKey;
    importCache.set(cacheKey, key);
  }
  return key;
}

export async function signPayload(keyring: NodeKeyring, payload: unknown, signKid?: string): Promise<string> {
  const key = signKid ? await keyring.byKid(signKid) : await keyring.active('sig');
  if (!key) throw new Error(`No signing key ${signKid}.`);
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: signAlg, kid: key.kid, typ: 'liaison+jws' })
    .sign(key.privateKey);
}

export async function sealMessage(
  keyring: NodeKeyring,
  recipientEncJwk: JWK,
  message: FederationMessage,
  signKid?: string,
): Promise<string> {
  const jws = await signPayload(keyring, message, signKid);
  return new CompactEncrypt(encoder.encode(jws))
    .setProtectedHeader({ alg: keyAlg, enc: contentEnc, kid: recipientEncJwk.kid!, cty: 'liaison+jws' })
    .encrypt(await publicKey(recipientEncJwk, keyAlg));
}

export type OpenFailure = 'malformed' | 'wrong-recipient' | 'unknown-peer' | 'bad-signature';

export class EnvelopeError extends Error {
  constructor(
    readonly reason: OpenFailure,
    detail: string,
    /** The signing key's id when known, to name the peer in the audit entry. */
    readonly signerKid?: string,
  ) {
    super(detail);
  }
}

export interface SignerKey {
  kid: string;
  jwk: JWK;
  retiredAt: Date | null;
}

/** Verifies a compact JWS against the key its header names; returns the payload and the key id. */
export async function verifyPayload(
  jws: string,
  findSigner: (kid: string) => Promise<SignerKey | undefined>,
): Promise<{ payload: unknown; kid: string }> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(jws).kid;
  } catch {
    throw new EnvelopeError('malformed', 'The signature header cannot be read.');
  }
  if (!kid) throw new EnvelopeError('malformed', 'The signature names no key.');
  const signer = await findSigner(kid);
  if (!signer) throw new EnvelopeError('unknown-peer', `No known peer signs with key ${kid}.`, kid);
  // A key stored before ids were checked may be another key under a peer's id: it verifies nothing.
  if (!(await isOwnThumbprint(signer.jwk, signer.kid)))
    throw new EnvelopeError('bad-signature', `The key stored as ${kid} is not the key with that id.`, kid);
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jws, await publicKey(signer.jwk, signAlg), { algorithms: [signAlg] }));
  } catch {
    throw new EnvelopeError('bad-signature', 'The signature does not verify.', kid);
  }
  try {
    return { payload: JSON.parse(decoder.decode(payload)), kid };
  } catch {
    throw new EnvelopeError('malformed', 'The signed content is not JSON.', kid);
  }
}

/** Decrypts with this node's key named in the JWE header, then verifies the sender's signature. */
export async function openMessage(
  keyring: NodeKeyring,
  jwe: string,
  findSigner: (kid: string) => Promise<SignerKey | undefined>,
): Promise<{ message: FederationMessage; signerKid: string }> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(jwe).kid;
  } catch {
    throw new EnvelopeError('malformed', 'The envelope header cannot be read.');
  }
  const key = kid ? await keyring.byKid(kid) : undefined;
  if (key?.use !== 'enc')
    throw new EnvelopeError('wrong-recipient', 'The message is not encrypted for this node.');
  let jws: string;
  try {
    const { plaintext } = await compactDecrypt(jwe, key.privateKey, {
      keyManagementAlgorithms: [keyAlg],
      contentEncryptionAlgorithms: [contentEnc],
    });
    jws = decoder.decode(plaintext);
  } catch {
    throw new EnvelopeError('wrong-recipient', "The message cannot be decrypted with this node's key.");
  }
  const { payload, kid: signerKid } = await verifyPayload(jws, findSigner);
  const message = payload as FederationMessage;
  if (
    message?.v !== 1 ||
    typeof message.id !== 'string' ||
    typeof message.seq !== 'number' ||
    typeof message.kind !== 'string'
  ) {
    throw new EnvelopeError('malformed', 'The message lacks its id, sequence number or kind.', signerKid);
  }
  return { message, signerKid };
}
