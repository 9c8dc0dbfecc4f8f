import { Transform } from 'node:stream';
import { LiaisonError } from '@liaison/core';
import type { FastifyRequest, onRequestHookHandler, preParsingHookHandler } from 'fastify';
import type { AppContext } from '../context.ts';
import type { PeerRow } from './outbox.ts';
import { identifySender } from './peer-authentication.ts';
import { federationOf } from './runtime.ts';

// Limits of the delivery endpoint by sender. A peer signs the request's header (`Liaison-Signature`, purpose
// `deliver`); a request nobody known signed may still carry genuine messages (a peer of an older version, or
// one that just rotated its keys), so it is served, but with a small body and a rate limit per address.

const senders = new WeakMap<FastifyRequest, PeerRow | null>();

/** The known peer that signed this request, or null; decided in `onRequest`. */
export function senderOf(request: FastifyRequest): PeerRow | null {
  return senders.get(request) ?? null;
}

/** Hooks and rate-limit config for a route that takes deliveries from peers. */
export function senderLimits(app: AppContext) {
  const settings = () => federationOf(app).settings;
  const identify: onRequestHookHandler = async (request) => {
    senders.set(request, await identifySender(app, request.headers.authorization));
  };
  const limitBody: preParsingHookHandler = async (request, _reply, payload) => {
    if (senderOf(request)) return payload;
    const limit = settings().FEDERATION_UNKNOWN_SENDER_BODY_LIMIT;
    if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
    // A body without a length (chunked) is counted as it arrives.
    let received = 0;
    return payload.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          done(received > limit ? tooLarge(limit) : null, chunk);
        },
      }),
    );
  };
  return {
    onRequest: identify,
    preParsing: limitBody,
    // The plugin runs its onRequest check after `identify` (route hooks first); a signing peer is not counted.
    rateLimit: {
      max: () => settings().FEDERATION_UNKNOWN_SENDER_PER_MINUTE,
      timeWindow: '1 minute',
      allowList: (request: FastifyRequest) => senderOf(request) !== null,
    },
  };
}

function tooLarge(limit: number): LiaisonError & { statusCode: number } {
  const error = new LiaisonError(
    'payload-too-large',
    `A request not signed by a known peer may carry at most ${limit} bytes.`,
  );
  return Object.assign(error, { statusCode: 413 });
}
