import { describe, expect, it } from 'vitest';
import { assertSameAsAllowed, sameAsClasses, UnionFind, wouldCreateSameAsCycle } from './same-as.ts';

const edges = [
  { sourceId: 'kim-embassy', targetId: 'kim-hotline' },
  { sourceId: 'kim-hotline', targetId: 'kim-family' },
  { sourceId: 'wallet-a', targetId: 'wallet-b' },
];

describe('same_as equivalence', () => {
  it('groups records into equivalence classes', () => {
    expect(sameAsClasses(edges)).toEqual([
      ['kim-embassy', 'kim-family', 'kim-hotline'],
      ['wallet-a', 'wallet-b'],
    ]);
  });

  it('accepts an edge that joins two classes', () => {
    expect(wouldCreateSameAsCycle(edges, { sourceId: 'kim-family', targetId: 'wallet-a' })).toBeNull();
    expect(wouldCreateSameAsCycle(edges, { sourceId: 'kim-family', targetId: 'kim-consulate' })).toBeNull();
  });

  it('refuses an edge inside one class as redundant, showing the existing chain', () => {
    expect(wouldCreateSameAsCycle(edges, { sourceId: 'kim-family', targetId: 'kim-embassy' })).toEqual({
      reason: 'already-equivalent',
      message:
        'These entities are already the same through kim-family = kim-hotline = kim-embassy; another same_as link would be redundant',
      path: ['kim-family', 'kim-hotline', 'kim-embassy'],
    });
    expect(wouldCreateSameAsCycle(edges, { sourceId: 'wallet-b', targetId: 'wallet-a' })?.reason).toBe(
      'already-equivalent',
    );
  });

  it('refuses a self-link', () => {
    expect(wouldCreateSameAsCycle([], { sourceId: 'x', targetId: 'x' })?.reason).toBe('self-link');
    expect(() => assertSameAsAllowed([], { sourceId: 'x', targetId: 'x' })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it('unions sets transitively', () => {
    const sets = new UnionFind();
    expect(sets.union('a', 'b')).toBe(true);
    expect(sets.union('c', 'd')).toBe(true);
    expect(sets.connected('a', 'd')).toBe(false);
    expect(sets.union('b', 'c')).toBe(true);
    expect(sets.union('a', 'd')).toBe(false);
    expect(sets.connected('d', 'a')).toBe(true);
  });
});
