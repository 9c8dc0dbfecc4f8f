import { createDecipheriv, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type AttachmentMediaType, maxAttachmentBytes } from '@liaison/core/cases/index';
import { contentMatchesType } from '../../cases/attachment-content.ts';
import type { AppContext } from '../../context.ts';
import type { StagedFile } from '../../files/file-store.ts';
import { fileStoreOf } from '../../files/file-store-config.ts';
import { openMessage, signPayload } from '../envelope.ts';
import type { PeerRow } from '../outbox.ts';
import { peerSigningKeys } from '../peer-keys.ts';
import { checkPeerUrl, federationOf } from '../runtime.ts';
import { filesPath, keyHeader, tagBytes } from './wire.ts';

/** A fetched content refused on its merits (not a network failure): audited, retried later, never stored. */
export class FetchRejected extends Error {}

/** Decrypts AES-256-GCM with the tag as the stream's last 16 bytes; fails at the end if it does not verify. */
function gcmOpener(key: Buffer, iv: Buffer): Transform {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const all = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const cut = Math.max(0, all.length - tagBytes);
      tail = Buffer.from(all.subarray(cut));
      done(null, cut > 0 ? decipher.update(all.subarray(0, cut)) : undefined);
    },
    flush(done) {
      try {
        if (tail.length !== tagBytes) throw new Error('truncated');
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch {
        done(new FetchRejected('the content does not authenticate (tampered with or truncated)'));
      }
    },
  });
}

export interface PendingFetch {
  sha256: string;
  size_bytes: string;
  media_type: string;
  peer: PeerRow;
}

/** Downloads one blob from the peer into staging, checked end to end; throws FetchRejected or a network error. */
export async function download(app: AppContext, fetch: PendingFetch): Promise<StagedFile> {
  const { peer, sha256 } = fetch;
  const problem = checkPeerUrl(peer.url);
  if (problem) throw new Error(`peer URL ${problem}`);
  const nonce = randomUUID();
  const keyring = federationOf(app).keyring;
  const signed = await signPayload(keyring, {
    from: app.config.nodeName,
    to: peer.node_name,
    purpose: 'file',
    iat: app.now().getTime(),
    nonce,
    sha256,
  });
  // A file may be large: the whole download gets 30 request timeouts (5 minutes by default).
  const response = await globalThis.fetch(new URL(`${filesPath}/${sha256}`, peer.url), {
    headers: { authorization: `Liaison-Signature ${signed}` },
    signal: AbortSignal.timeout(federationOf(app).settings.FEDERATION_TIMEOUT_MS * 30),
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`The peer answered HTTP ${response.status}.`);
  }
  let key: Buffer;
  let iv: Buffer;
  try {
    const { message } = await openMessage(
      keyring,
      response.headers.get(keyHeader) ?? '',
      peerSigningKeys(app, peer.id),
    );
    const body = message.body as Record<string, unknown>;
    if (
      message.kind !== 'file.key' ||
      message.from !== peer.node_name ||
      message.to !== app.config.nodeName ||
      body.inReplyTo !== nonce ||
      body.sha256 !== sha256 ||
      typeof body.key !== 'string' ||
      typeof body.iv !== 'string'
    )
      throw new Error('the key does not answer this request');
    key = Buffer.from(body.key, 'base64');
    iv = Buffer.from(body.iv, 'base64');
    if (key.length !== 32 || iv.length !== 12) throw new Error('malformed key');
  } catch (error) {
    await response.body.cancel().catch(() => {});
    throw new FetchRejected(`the file key is not valid: ${error instanceof Error ? error.message : error}`);
  }
  const opener = gcmOpener(key, iv);
  const source = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  pipeline(source, opener).catch((error) => opener.destroy(error));
  const store = fileStoreOf(app);
  const staged = await store.stage(opener, maxAttachmentBytes);
  const problems: string[] = [];
  if (staged.truncated) problems.push('longer than the largest attachment');
  if (staged.sha256 !== sha256) problems.push(`SHA-256 is ${staged.sha256}, not ${sha256}`);
  if (staged.sizeBytes !== Number(fetch.size_bytes))
    problems.push(`${staged.sizeBytes} bytes, not ${fetch.size_bytes}`);
  if (problems.length === 0) {
    const match = await contentMatchesType(fetch.media_type as AttachmentMediaType, staged.head);
    if (!match.ok)
      problems.push(`the content is ${match.detected ?? 'not recognisable'}, not ${fetch.media_type}`);
  }
  if (problems.length > 0) {
    await store.discard(staged);
    throw new FetchRejected(problems.join('; '));
  }
  return staged;
}
