import { LiaisonError } from '@liaison/core';
import { DeliveryReceipts, PulledMessages, RequestAnswer } from '@liaison/core/federation/node-messages';
import { OutboxEntry, Peer, PeerIdentity } from '@liaison/core/federation/peers';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { attachmentFileRoutes } from './attachment-files/serve.ts';
import { caseShareRoutes } from './case-sync/share-routes.ts';
import { messagesPath, servePull } from './delivery.ts';
import { EnvelopeError } from './envelope.ts';
import { addPeer } from './peer-add.ts';
import { auditRejection, verifySignedRequest } from './peer-authentication.ts';
import { exportIdentity, listPeers, rotateNodeKeys, setPeerStatus } from './peers.ts';
import { receiveMessages } from './receive.ts';
import { answerRequest, requestsPath } from './requests.ts';
import { senderLimits, senderOf } from './sender-limits.ts';
import { listOutbox } from './status.ts';

function rejected(error: unknown): never {
  if (error instanceof EnvelopeError)
    throw new LiaisonError('federation-rejected', `${error.reason}: ${error.message}`, {
      extra: { reason: error.reason },
    });
  throw error;
}

export const federationRoutes: RouteModule = (api, app) => {
  // Node-to-node endpoints. 'public' at the HTTP layer: no session or token, because the caller is a peer
  // node, not a user. Each is authenticated instead by the Ed25519 signature of a known, active peer
  // (every message, or the signed request), and anything else is rejected and audited.
  // Deliveries whose request no known peer signed get a small body, a rate limit and one audit entry each.
  const deliveryLimits = senderLimits(app);
  api.post(
    messagesPath,
    {
      config: { access: 'public', rateLimit: deliveryLimits.rateLimit },
      onRequest: deliveryLimits.onRequest,
      preParsing: deliveryLimits.preParsing,
      bodyLimit: 16 * 1_048_576,
      schema: {
        tags: ['federation'],
        body: z.object({ messages: z.array(z.string().max(2_000_000)).min(1).max(500) }),
        response: { 200: DeliveryReceipts },
      },
    },
    async (request) => ({
      receipts: await receiveMessages(
        app,
        request.body.messages,
        request.ip,
        senderOf(request) ? 'known-peer' : 'unknown',
      ),
    }),
  );
  api.get(
    messagesPath,
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation'],
        querystring: z.object({ since: z.coerce.number().int().min(0) }),
        response: { 200: PulledMessages },
      },
    },
    async (request) => {
      try {
        const { peer, payload } = await verifySignedRequest(app, request.headers.authorization, 'pull');
        if (payload.since !== request.query.since)
          throw new EnvelopeError('bad-signature', 'The signed request does not match the query.');
        return await servePull(app, peer, request.query.since);
      } catch (error) {
        if (error instanceof EnvelopeError)
          await auditRejection(app, request.ip, error.reason, error.message);
        rejected(error);
      }
    },
  );
  api.post(
    requestsPath,
    {
      config: { access: 'public' },
      schema: {
        tags: ['federation'],
        body: z.object({ message: z.string().max(200_000) }),
        response: { 200: RequestAnswer },
      },
    },
    async (request) => {
      try {
        return { message: await answerRequest(app, request.body.message, request.ip) };
      } catch (error) {
        rejected(error);
      }
    },
  );
  // The content of mirrored attachments, pulled by the peer (attachment-files/).
  attachmentFileRoutes(api, app);
  // Sharing a case with a peer, its shares and their retraction (case sync's user side).
  caseShareRoutes(api, app);
  // Public keys only: what `liaison peer export` writes.
  api.get(
    '/api/federation/v1/identity',
    { config: { access: 'public' }, schema: { tags: ['federation'], response: { 200: PeerIdentity } } },
    async () => exportIdentity(app),
  );

  api.get(
    '/api/v1/peers',
    {
      // Officers pick a partner to write to; administrators manage the partners.
      config: { access: ['exchange.read', 'peers.manage'] },
      schema: { tags: ['federation'], response: { 200: z.array(Peer) } },
    },
    async (request) => listPeers(ctxOf(app, request), actorOf(request)),
  );
  api.post(
    '/api/v1/peers',
    {
      config: { access: 'peers.manage' },
      schema: {
        tags: ['federation'],
        body: z.object({
          identity: PeerIdentity,
          confirmedFingerprint: z.string().max(200),
          /** Replace the identity of a known peer (changed URL, agency, country or keys); never implied. */
          replace: z.boolean().optional(),
        }),
        response: { 201: Peer },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addPeer(
            ctxOf(app, request),
            actorOf(request),
            request.body.identity,
            request.body.confirmedFingerprint,
            { replace: request.body.replace === true },
          ),
        ),
  );
  api.patch(
    '/api/v1/peers/:id',
    {
      config: { access: 'peers.manage' },
      schema: {
        tags: ['federation'],
        params: z.object({ id: z.string() }),
        body: z.object({ status: z.enum(['active', 'suspended']) }),
        response: { 200: Peer },
      },
    },
    async (request) =>
      setPeerStatus(ctxOf(app, request), actorOf(request), request.params.id, request.body.status),
  );
  api.post(
    '/api/v1/federation/keys/rotate',
    { config: { access: 'peers.manage' }, schema: { tags: ['federation'], response: { 200: PeerIdentity } } },
    async (request) => rotateNodeKeys(ctxOf(app, request), actorOf(request)),
  );
  api.get(
    '/api/v1/federation/outbox',
    {
      config: { access: 'exchange.read' },
      schema: {
        tags: ['federation'],
        querystring: z.object({
          peer: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(OutboxEntry) },
      },
    },
    async (request) => listOutbox(ctxOf(app, request), actorOf(request), request.query),
  );
};
