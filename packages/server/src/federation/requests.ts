import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { EnvelopeError, type FederationMessage, openMessage, sealMessage } from './envelope.ts';
import type { PeerRow } from './outbox.ts';
import { auditRejection, authenticate } from './peer-authentication.ts';
import { peerEncryptionKey, peerSigningKeys } from './peer-keys.ts';
import { checkPeerUrl, federationOf } from './runtime.ts';

/**
 * Synchronous, unsequenced exchanges (hit/no-hit): a sealed question answered at once by a sealed answer.
 * Replay is refused by message id within a time window.
 */
export type RequestHandler = (
  app: AppContext,
  peer: PeerRow,
  message: FederationMessage,
) => Promise<Record<string, unknown>>;

const replayWindowMs = 5 * 60_000;
export const requestsPath = '/api/federation/v1/requests';

function seenRecently(app: AppContext, message: FederationMessage): boolean {
  const recent = federationOf(app).recentIds;
  const now = app.now().getTime();
  for (const [id, at] of recent) if (now - at > replayWindowMs) recent.delete(id);
  if (recent.has(message.id)) return true;
  recent.set(message.id, now);
  return false;
}

export async function answerRequest(app: AppContext, sealed: string, ip: string | null): Promise<string> {
  let authenticated: { message: FederationMessage; peer: PeerRow };
  try {
    authenticated = await authenticate(app, sealed, { sequenced: false });
    const age = Math.abs(app.now().getTime() - Date.parse(authenticated.message.sentAt));
    if (!(age <= replayWindowMs) || seenRecently(app, authenticated.message))
      throw new EnvelopeError('malformed', 'replay: the request is stale or was seen before.');
  } catch (error) {
    if (error instanceof EnvelopeError) await auditRejection(app, ip, error.reason, error.message);
    throw error;
  }
  const { message, peer } = authenticated;
  // The request kinds features answer: their manifests' `requestHandlers`.
  const handler = app.registry.requestHandlers.get(message.kind);
  if (!handler) throw new EnvelopeError('malformed', `No handler for ${message.kind}.`);
  const body = await handler(app, peer, message);
  const answer: FederationMessage = {
    v: 1,
    id: randomUUID(),
    from: app.config.nodeName,
    to: peer.node_name,
    seq: 0,
    kind: `${message.kind}.answer`,
    createdAt: app.now().toISOString(),
    sentAt: app.now().toISOString(),
    body: { ...body, inReplyTo: message.id },
  };
  return sealMessage(federationOf(app).keyring, await peerEncryptionKey(app, peer.id), answer);
}

/** Asks a peer and waits for its signed answer (which must answer this very question). */
export async function askPeer(
  app: AppContext,
  peer: PeerRow,
  kind: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const problem = checkPeerUrl(peer.url);
  if (problem) throw new Error(`peer URL ${problem}`);
  const now = app.now().toISOString();
  const question: FederationMessage = {
    v: 1,
    id: randomUUID(),
    from: app.config.nodeName,
    to: peer.node_name,
    seq: 0,
    kind,
    createdAt: now,
    sentAt: now,
    body,
  };
  const sealed = await sealMessage(
    federationOf(app).keyring,
    await peerEncryptionKey(app, peer.id),
    question,
  );
  const response = await fetch(new URL(requestsPath, peer.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: sealed }),
    signal: AbortSignal.timeout(federationOf(app).settings.FEDERATION_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The peer answered HTTP ${response.status}.`);
  const { message } = (await response.json()) as { message: string };
  const { message: answer } = await openMessage(
    federationOf(app).keyring,
    message,
    peerSigningKeys(app, peer.id),
  );
  if (
    answer.kind !== `${kind}.answer` ||
    answer.body.inReplyTo !== question.id ||
    answer.to !== app.config.nodeName
  )
    throw new Error("The peer's answer does not match the question.");
  return answer.body;
}
