import type { Peer, PeerIdentity } from '@liaison/core/federation/peers';
import { api } from '../../app/api.ts';

/** A partner node, and the identity file a node exports: core's schemas of the federation routes. */
export type { Peer, PeerIdentity };

/** Typed calls for the federation administration routes (server/federation/routes.ts). */
export const peersApi = {
  list: () => api.get<Peer[]>('/api/v1/peers'),
  identity: () => api.get<PeerIdentity>('/api/federation/v1/identity'),
  add: (identity: PeerIdentity, confirmedFingerprint: string) =>
    api.post<Peer>('/api/v1/peers', { identity, confirmedFingerprint }),
  setStatus: (id: string, status: Peer['status']) =>
    api.patch<Peer>(`/api/v1/peers/${encodeURIComponent(id)}`, { status }),
  rotateKeys: () => api.post<PeerIdentity>('/api/v1/federation/keys/rotate'),
};

/** The identity pasted from a partner's file, or why it is not one. */
export function parseIdentity(text: string): { identity: PeerIdentity } | { problem: 'json' | 'format' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'json' };
  }
  const v = value as Partial<PeerIdentity>;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.format !== 'liaison-peer/1' ||
    typeof v.node !== 'string' ||
    typeof v.url !== 'string' ||
    typeof v.fingerprint !== 'string'
  )
    return { problem: 'format' };
  return { identity: v as PeerIdentity };
}
