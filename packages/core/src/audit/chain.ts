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
  /**
   * hash-mismatch: the entry's content was changed. broken-link: it does not follow the entry before it (entries
   * deleted before it, inserted or reordered). truncated: the log ends before a signed checkpoint (its tail was cut
   * off; `seq` is the first missing entry). checkpoint-mismatch: the entry differs from what a genuine checkpoint
   * signed (the chain was rebuilt up to here). bad-checkpoint: a checkpoint's signature is not the node's.
   */
  reason: 'hash-mismatch' | 'broken-link' | 'truncated' | 'checkpoint-mismatch' | 'bad-checkpoint';
  /** For checkpoint reasons: where the checkpoint is kept. */
  source?: 'database' | 'file';
}

export type ChainedEntry = AuditEntryContent & { prevHash: string; hash: string };

/**
 * Checks entries one at a time, in sequence order, from a known point (the genesis, or an entry already
 * checked): each must carry the next number, link to the one before and match its own hash. The first entry
 * that does not is the first bad one; nothing after it is judged.
 */
export function chainChecker(
  start: { seq: string; hash: string } = { seq: '0', hash: genesisHash },
): (entry: ChainedEntry) => ChainBreak | null {
  let previousSeq = BigInt(start.seq);
  let previousHash = start.hash;
  return (entry) => {
    if (BigInt(entry.seq) !== previousSeq + 1n || entry.prevHash !== previousHash)
      return { seq: entry.seq, reason: 'broken-link' };
    const { prevHash: _p, hash, ...content } = entry;
    if (auditEntryHash(previousHash, content) !== hash) return { seq: entry.seq, reason: 'hash-mismatch' };
    previousSeq += 1n;
    previousHash = hash;
    return null;
  };
}

/** Walks entries in sequence order; returns the first entry whose number, link or hash is wrong. */
export function findChainBreak(
  entries: Iterable<ChainedEntry>,
  start?: { seq: string; hash: string },
): ChainBreak | null {
  const check = chainChecker(start);
  for (const entry of entries) {
    const broken = check(entry);
    if (broken) return broken;
  }
  return null;
}
