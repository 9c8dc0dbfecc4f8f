import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { LiaisonError } from '@liaison/core';
import { binaryResponse } from '@liaison/core/contract/responses';
import { z } from 'zod';
import { audit, withAudit } from '../../audit/audit.ts';
import { attachmentsOfBlob } from '../../cases/shared-records.ts';
import type { AppContext } from '../../context.ts';
import { fileStoreOf } from '../../files/file-store-config.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { EnvelopeError, type FederationMessage, sealMessage } from '../envelope.ts';
import type { PeerRow } from '../outbox.ts';
import { auditRejection, verifySignedRequest } from '../peer-authentication.ts';
import { peerEncryptionKey } from '../peer-keys.ts';
import { federationOf } from '../runtime.ts';
import { filesPath, keyHeader, Sha256 } from './wire.ts';

async function auditFile(
  app: AppContext,
  action: string,
  peer: PeerRow,
  details: Record<string, unknown>,
  ip: string | null,
  caseId: string | null = null,
) {
  await withAudit(app.db, (trx) =>
    audit(
      { app, ip, trx },
      { actorId: null, actorAgency: peer.agency_code },
      action,
      { type: 'case', id: caseId },
      { peer: peer.node_name, ...details },
    ),
  );
}

/** The serving side: who asks, whether the blob is shared with them, and the encrypted stream. */
async function serveFile(
  app: AppContext,
  authorization: string | undefined,
  sha256: string,
  ip: string | null,
): Promise<{ sealedKey: string; body: Readable }> {
  const { peer, payload } = await verifySignedRequest(app, authorization, 'file');
  if (payload.sha256 !== sha256)
    throw new EnvelopeError('bad-signature', 'The signed request does not match the file asked for.');
  // The blob's attachments (the cases feature's), then the active shares of their cases with this peer.
  const attachments = await attachmentsOfBlob(app.db, sha256);
  const shares =
    attachments.length === 0
      ? []
      : await app.db
          .selectFrom('case_shares')
          .select(['case_id', 'scope'])
          .where(
            'case_id',
            'in',
            attachments.map((a) => a.caseId),
          )
          .where('peer_id', '=', peer.id)
          .where('state', '=', 'active')
          .execute();
  const shared = attachments.flatMap((a) =>
    shares
      .filter((share) => share.case_id === a.caseId)
      .map((share) => ({ id: a.id, case_id: a.caseId, size_bytes: a.sizeBytes, scope: share.scope })),
  );
  const granted = shared.find((row) => row.scope.includes('attachments'));
  const store = fileStoreOf(app);
  if (!granted) {
    // The same answer whether the blob is unknown, in a case not shared with the peer, or shared without
    // the `attachments` scope: the peer learns nothing about what it may not have.
    await auditFile(
      app,
      'federation.file.refused',
      peer,
      {
        sha256,
        reason: shared.length > 0 ? 'case shared without the attachments scope' : 'not shared with this peer',
      },
      ip,
    );
    throw new LiaisonError('not-found', 'No such file.');
  }
  if (!(await store.has(sha256)))
    throw new LiaisonError('not-found', 'The file content is not stored here yet; ask again later.');
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const sizeBytes = Number(granted.size_bytes);
  const now = app.now().toISOString();
  const message: FederationMessage = {
    v: 1,
    id: randomUUID(),
    from: app.config.nodeName,
    to: peer.node_name,
    seq: 0,
    kind: 'file.key',
    createdAt: now,
    sentAt: now,
    body: {
      sha256,
      sizeBytes,
      key: key.toString('base64'),
      iv: iv.toString('base64'),
      inReplyTo: payload.nonce,
    },
  };
  const sealedKey = await sealMessage(
    federationOf(app).keyring,
    await peerEncryptionKey(app, peer.id),
    message,
  );
  const content = await store.open(sha256);
  try {
    await auditFile(
      app,
      'federation.file.served',
      peer,
      { sha256, attachmentId: granted.id, sizeBytes },
      ip,
      granted.case_id,
    );
  } catch (error) {
    content.destroy();
    throw error;
  }
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  async function* encrypt() {
    for await (const chunk of content) yield cipher.update(chunk as Buffer);
    yield cipher.final();
    yield cipher.getAuthTag();
  }
  return { sealedKey, body: Readable.from(encrypt()) };
}

export const attachmentFileRoutes: RouteModule = (api, app) => {
  // Node-to-node, like the other peer routes: 'public' at the HTTP layer, authenticated by the signature of
  // a known, active peer; anything else is rejected and audited.
  api.get(
    `${filesPath}/:sha256`,
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation'],
        params: z.object({ sha256: Sha256 }),
        response: {
          200: binaryResponse(
            `The blob encrypted (AES-256-GCM, tag last) with a one-time key sealed to the peer in the ${keyHeader} header`,
            ['application/octet-stream'],
          ),
        },
      },
    },
    async (request, reply) => {
      try {
        const served = await serveFile(app, request.headers.authorization, request.params.sha256, request.ip);
        return reply
          .type('application/octet-stream')
          .header(keyHeader, served.sealedKey)
          .header('cache-control', 'no-store')
          .send(served.body);
      } catch (error) {
        if (error instanceof EnvelopeError) {
          await auditRejection(app, request.ip, error.reason, error.message);
          throw new LiaisonError('federation-rejected', `${error.reason}: ${error.message}`, {
            extra: { reason: error.reason },
          });
        }
        throw error;
      }
    },
  );
};
