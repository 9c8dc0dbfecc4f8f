import { api } from '../../app/api.ts';

export interface Peer {
  id: string;
  node: string;
  agency: string;
  country: string;
  url: string;
  status: 'active' | 'suspended';
  fingerprint: string;
  lastContactAt: string | null;
  queued: number;
}

/** What `liaison peer export` writes and /api/federation/v1/identity answers: public keys only. */
export interface PeerIdentity {
  format: 'liaison-peer/1';
  node: string;
  agency: string;
  country: string;
  url: string;
  signingKey: Record<string, unknown>;
  encryptionKey: Record<string, unknown>;
  fingerprint: string;
}

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
