import { z } from 'zod';

// What both sides of the file endpoint agree on; the protocol is described in ../attachment-files.ts.
export const filesPath = '/api/federation/v1/files';
export const keyHeader = 'x-liaison-file-key';
export const tagBytes = 16;
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest is 64 lowercase hex characters');
