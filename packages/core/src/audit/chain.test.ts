import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntryContent,
  auditEntryHash,
  canonicalJson,
  findChainBreak,
  genesisHash,
} from './chain.ts';

function chainOf(contents: AuditEntryContent[]) {
  let previous = genesisHash;
  return contents.map((content) => {
    const hash = auditEntryHash(previous, content);
    const entry = { ...content, prevHash: previous, hash };
    previous = hash;
    return entry;
  });
}

const entry = (seq: number, action = 'case.created'): AuditEntryContent => ({
  seq: String(seq),
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  actorId: null,
  actorAgency: 'KNPA',
  action,
  recordType: 'case',
  recordId: String(seq),
  ip: '127.0.0.1',
  purpose: null,
  details: { n: seq, nested: { b: 1, a: [1, 2] } },
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });

  it('round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
      }),
    );
  });
});

describe('the audit hash chain', () => {
  const entries = chainOf([1, 2, 3, 4, 5].map((n) => entry(n)));

  it('accepts an untouched chain', () => {
    expect(findChainBreak(entries)).toBeNull();
  });

  it('names an altered entry', () => {
    const altered = entries.map((e) => (e.seq === '3' ? { ...e, action: 'case.deleted' } : e));
    expect(findChainBreak(altered)).toEqual({ seq: '3', reason: 'hash-mismatch' });
  });

  it('names the entry after a removed one', () => {
    expect(findChainBreak(entries.filter((e) => e.seq !== '2'))).toEqual({ seq: '3', reason: 'broken-link' });
  });

  it('names the first entry after a gap in the numbers, even when the links were rewritten', () => {
    const renumbered = chainOf([1, 2, 4, 5].map((n) => entry(n)));
    expect(findChainBreak(renumbered)).toEqual({ seq: '4', reason: 'broken-link' });
  });

  it('names the first bad entry when a later one is missing too', () => {
    const altered = entries
      .filter((e) => e.seq !== '4')
      .map((e) => (e.seq === '2' ? { ...e, action: 'case.deleted' } : e));
    expect(findChainBreak(altered)).toEqual({ seq: '2', reason: 'hash-mismatch' });
  });

  it('checks from an entry already checked', () => {
    expect(findChainBreak(entries.slice(2), { seq: '2', hash: entries[1]!.hash })).toBeNull();
    expect(findChainBreak(entries.slice(3), { seq: '2', hash: entries[1]!.hash })).toEqual({
      seq: '4',
      reason: 'broken-link',
    });
  });

  it('names swapped entries', () => {
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!, entries[4]!];
    expect(findChainBreak(swapped)?.seq).toBe('3');
  });
});
