import { peerActor, peerUser } from '../../accounts/peer-accounts.ts';
import type { PeerSource } from '../../changes/shared-record-kind.ts';
import type { AppContext, Tx } from '../../context.ts';
import type { PeerRow } from '../outbox.ts';

// What the owners of record kinds are told about the peer a record comes from (changes/shared-record-kind.ts):
// the owners write their rows; federation attributes them and queues content to pull.

/** The peer as the record kinds see it; its account and actor are looked up (or made) once, when asked. */
export function peerSource(trx: Tx, app: AppContext, peer: PeerRow): PeerSource {
  let user: Promise<string> | undefined;
  let actor: ReturnType<typeof peerActor> | undefined;
  const source: PeerSource = {
    peerId: peer.id,
    nodeName: peer.node_name,
    agencyCode: peer.agency_code,
    userId: () => {
      user ??= peerUser(trx, peer);
      return user;
    },
    actor: () => {
      actor ??= peerActor(trx, peer);
      return actor;
    },
    agencyId: async () => (await source.actor()).agencyId,
    // The attachment fetch job (../attachment-files/fetch-job.ts) pulls it; until then the record is `pending`.
    async fetchContent(t, file) {
      await t
        .insertInto('attachment_fetches')
        .values({
          attachment_id: file.recordId,
          peer_id: peer.id,
          sha256: file.sha256,
          size_bytes: file.sizeBytes,
          next_attempt_at: app.now(),
          created_at: app.now(),
        })
        .execute();
    },
  };
  return source;
}
