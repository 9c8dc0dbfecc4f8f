import { z } from 'zod';

// Response schemas of the federation administration routes (server/federation/routes.ts), here so the web
// takes its types from them.

/** A public key as an identity file carries it (an Ed25519 or X25519 key with its RFC 7638 thumbprint as id). */
export const PublicJwk = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.enum(['Ed25519', 'X25519']),
  x: z.string().min(40).max(60),
  kid: z.string().min(20).max(80),
});
export type PublicJwk = z.infer<typeof PublicJwk>;

/**
 * The file `liaison peer export` writes and `liaison peer add` reads, and what /api/federation/v1/identity
 * answers: public keys only.
 */
export const PeerIdentity = z.object({
  format: z.literal('liaison-peer/1'),
  node: z.string().regex(/^[a-z0-9-]{2,40}$/),
  agency: z.string().min(2).max(16),
  country: z.string().regex(/^[A-Z]{2}$/),
  url: z.string().url(),
  signingKey: PublicJwk,
  encryptionKey: PublicJwk,
  /** What the exporting node computed; informative only, the receiving node computes its own. */
  fingerprint: z.string(),
});
export type PeerIdentity = z.infer<typeof PeerIdentity>;

/** A partner node as the federation administration lists it. */
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

/** One message this node sent, with its delivery state: what GET /api/v1/federation/outbox lists. */
export const OutboxEntry = z.object({
  id: z.string(),
  peer: z.string(),
  seq: z.number(),
  kind: z.string(),
  state: z.enum(['queued', 'sent', 'delivered', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
