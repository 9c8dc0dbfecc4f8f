import { z } from 'zod';

// The content of mirrored attachments (federation README, "Attachments"); this file is what both sides of the
// file endpoint agree on. The metadata travels in
// `case.share`/`case.sync`; the receiving node pulls the bytes from the peer that sent the record:
//   GET /api/federation/v1/files/:sha256, signed by the requester's node key (Authorization:
//   Liaison-Signature, purpose `file`, bound to the hash, the recipient and the time). The peer serves a blob
//   only if it belongs to an attachment of a case actively shared with the requester with scope
//   `attachments`; anything else is 404 and audited (`federation.file.refused`).
// The answer is encrypted for the requester: a sealed message (signed by the server, encrypted for the
// requester's key, like every federation message) in the `x-liaison-file-key` header carries a fresh
// AES-256-GCM key, the hash and the size; the body is the ciphertext followed by the 16-byte tag, streamed
// (a 50 MB file never sits in memory or in a sync message). The requester checks the tag, the SHA-256, the
// size and the type before the blob is stored content-addressed; anything else is refused, audited
// (`case.attachment_fetch_rejected`) and retried later with back-off, never stored.
export const filesPath = '/api/federation/v1/files';
export const keyHeader = 'x-liaison-file-key';
export const tagBytes = 16;
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest is 64 lowercase hex characters');
