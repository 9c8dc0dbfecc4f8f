import type { JWK } from 'jose';
import type { MessageHandler } from './outbox.ts';
import { identityFingerprint, identityKeyProblems } from './peer-identity.ts';
import { keysOfOtherPeers, storePeerKeys } from './peer-keys.ts';

// A peer rotated its keys and told us, signed with its previous key: adopt the new ones, keep the old. Each
// new key id must be the key's thumbprint (else the message is rejected, audited by the apply loop), and the
// fingerprint this node shows for the peer follows its keys.
const applyKeyAnnouncement: MessageHandler = async ({ trx, app, peer, message, audit }) => {
  const { signingKey, encryptionKey } = message.body as { signingKey?: JWK; encryptionKey?: JWK };
  if (!signingKey || !encryptionKey) return { outcome: 'rejected', reason: 'key message without keys' };
  const problems = await identityKeyProblems({ signingKey, encryptionKey });
  if (problems.length > 0) return { outcome: 'rejected', reason: problems.map((p) => p.message).join(' ') };
  const held = await keysOfOtherPeers(trx, peer.id, [signingKey.kid!, encryptionKey.kid!]);
  if (held.length > 0)
    return { outcome: 'rejected', reason: `the new keys belong to another peer (${held[0]!.node_name})` };
  const now = app.now();
  await storePeerKeys(trx, peer.id, { sig: signingKey, enc: encryptionKey }, now);
  const fingerprint = await identityFingerprint({
    node: peer.node_name,
    agency: peer.agency_code,
    country: peer.country,
    url: peer.url,
    signingKey,
    encryptionKey,
  });
  await trx.updateTable('peers').set({ fingerprint, updated_at: now }).where('id', '=', peer.id).execute();
  audit({
    actorId: null,
    actorAgency: peer.agency_code,
    action: 'peer.keys-rotated',
    recordType: 'peer',
    recordId: peer.id,
    ip: null,
    details: {
      node: peer.node_name,
      signingKey: signingKey.kid,
      encryptionKey: encryptionKey.kid,
      fingerprint,
    },
  });
  return { outcome: 'applied' };
};

/** A peer's announcement of its new keys (federation/manifest.ts). */
export const keyMessageHandlers: Readonly<Record<string, MessageHandler>> = {
  'federation.keys': applyKeyAnnouncement,
};
