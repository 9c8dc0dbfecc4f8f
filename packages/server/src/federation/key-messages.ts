import type { JWK } from 'jose';
import { appendAudit } from '../audit/audit-repository.ts';
import { registerMessageHandler } from './outbox.ts';

// A peer rotated its keys and told us, signed with its previous key: adopt the new ones, keep the old.
registerMessageHandler('federation.keys', async ({ trx, app, peer, message }) => {
  const { signingKey, encryptionKey } = message.body as { signingKey: JWK; encryptionKey: JWK };
  if (!signingKey?.kid || !encryptionKey?.kid)
    return { outcome: 'rejected', reason: 'key message without keys' };
  const now = app.now();
  for (const [use, jwk] of [
    ['sig', signingKey],
    ['enc', encryptionKey],
  ] as const) {
    await trx
      .insertInto('peer_keys')
      .values({ kid: jwk.kid!, peer_id: peer.id, use, public_jwk: JSON.stringify(jwk), added_at: now })
      .onConflict((oc) => oc.column('kid').doNothing())
      .execute();
    await trx
      .updateTable('peer_keys')
      .set({ retired_at: now })
      .where('peer_id', '=', peer.id)
      .where('use', '=', use)
      .where('kid', '!=', jwk.kid!)
      .where('retired_at', 'is', null)
      .execute();
  }
  await appendAudit(
    trx,
    {
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'peer.keys-rotated',
      recordType: 'peer',
      recordId: peer.id,
      ip: null,
      details: { node: peer.node_name, signingKey: signingKey.kid, encryptionKey: encryptionKey.kid },
    },
    now,
  );
  return { outcome: 'applied' };
});
