import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The fields of an audit entry that its hash covers, in the order they are hashed. */
export interface AuditEntryContent {
  seq: string;
  at: string;
  actorId: string | null;
  actorAgency: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  purpose: string | null;
  details: unknown;
}

export const genesisHash = '0'.repeat(64);

/** JSON with keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = SHA-256(previous hash ‖ canonical JSON of the entry). Tampering, deletion or reordering breaks it. */
export function auditEntryHash(previousHash: string, entry: AuditEntryContent): string {
  const body = canonicalJson({ ...entry, seq: String(entry.seq) });
  return bytesToHex(sha256(utf8ToBytes(previousHash + body)));
}

export interface ChainBreak {
  seq: string;
  reason: 'hash-mismatch' | 'broken-link';
}

/** Walks entries in sequence order; returns the first entry whose hash or link is wrong. */
export function findChainBreak(
  entries: Iterable<AuditEntryContent & { prevHash: string; hash: string }>,
  startHash: string = genesisHash,
): ChainBreak | null {
  let previous = startHash;
  for (const entry of entries) {
    if (entry.prevHash !== previous) return { seq: entry.seq, reason: 'broken-link' };
    const { prevHash: _p, hash, ...content } = entry;
    if (auditEntryHash(previous, content) !== hash) return { seq: entry.seq, reason: 'hash-mismatch' };
    previous = hash;
  }
  return null;
}
