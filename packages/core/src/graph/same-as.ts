import { LiaisonError } from '../errors/catalogue.ts';

export interface SameAsEdge {
  sourceId: string;
  targetId: string;
}

/** Disjoint sets over entity ids, with path compression and union by size. */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Joins the sets of `a` and `b`; false when they were already one set. */
  union(a: string, b: string): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return false;
    const [big, small] =
      (this.size.get(rootA) ?? 1) >= (this.size.get(rootB) ?? 1) ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(small, big);
    this.parent.set(big, big);
    this.size.set(big, (this.size.get(big) ?? 1) + (this.size.get(small) ?? 1));
    return true;
  }

  connected(a: string, b: string): boolean {
    return this.find(a) === this.find(b);
  }
}

export function unionFindOf(edges: readonly SameAsEdge[]): UnionFind {
  const sets = new UnionFind();
  for (const edge of edges) sets.union(edge.sourceId, edge.targetId);
  return sets;
}

/**
 * The equivalence classes that same_as edges make: each class is the set of records of one real person,
 * phone or wallet. Classes of two or more, each sorted, ordered by their first id.
 */
export function sameAsClasses(edges: readonly SameAsEdge[]): string[][] {
  const sets = unionFindOf(edges);
  const classes = new Map<string, Set<string>>();
  for (const edge of edges) {
    for (const id of [edge.sourceId, edge.targetId]) {
      const root = sets.find(id);
      classes.set(root, (classes.get(root) ?? new Set()).add(id));
    }
  }
  return [...classes.values()]
    .map((members) => [...members].sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

export interface SameAsCycle {
  reason: 'self-link' | 'already-equivalent';
  message: string;
  /** The existing same_as chain that already joins the two entities, from source to target. */
  path: string[];
}

function chainBetween(edges: readonly SameAsEdge[], from: string, to: string): string[] {
  const neighbours = new Map<string, string[]>();
  for (const { sourceId, targetId } of edges) {
    neighbours.set(sourceId, [...(neighbours.get(sourceId) ?? []), targetId]);
    neighbours.set(targetId, [...(neighbours.get(targetId) ?? []), sourceId]);
  }
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined && node !== to; node = queue.shift()) {
    for (const next of neighbours.get(node) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  const path = [to];
  while (path[0] !== from) path.unshift(previous.get(path[0]!)!);
  return path;
}

/**
 * same_as is an equivalence: records joined by a chain of same_as edges already denote one thing. A new edge
 * between two members of one class adds nothing and would close a cycle, so it is refused, as is a self-link.
 * Returns why the edge is refused, or null when it joins two different classes.
 */
export function wouldCreateSameAsCycle(
  existing: readonly SameAsEdge[],
  edge: SameAsEdge,
): SameAsCycle | null {
  if (edge.sourceId === edge.targetId) {
    return {
      reason: 'self-link',
      message: 'An entity cannot be marked the same as itself',
      path: [edge.sourceId],
    };
  }
  if (!unionFindOf(existing).connected(edge.sourceId, edge.targetId)) return null;
  const path = chainBetween(existing, edge.sourceId, edge.targetId);
  return {
    reason: 'already-equivalent',
    message: `These entities are already the same through ${path.join(' = ')}; another same_as link would be redundant`,
    path,
  };
}

/** Throws LiaisonError('conflict') when a new same_as edge is a self-link or redundant. */
export function assertSameAsAllowed(existing: readonly SameAsEdge[], edge: SameAsEdge): void {
  const cycle = wouldCreateSameAsCycle(existing, edge);
  if (cycle)
    throw new LiaisonError('conflict', cycle.message, { extra: { reason: cycle.reason, path: cycle.path } });
}
