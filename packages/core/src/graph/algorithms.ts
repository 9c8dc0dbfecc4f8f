import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { LiaisonError } from '../errors/catalogue.ts';
import { instant, type KnowledgeGraph, type LinkEdge, undirectedProjection } from './build-graph.ts';
import type { EntityType } from './entity-types.ts';

export interface HopFilter {
  /** Only step into entities of these types (the start entity is always kept). */
  types?: readonly EntityType[];
  /** Only follow links whose span overlaps [from, to]; links without dates always pass. */
  from?: string;
  to?: string;
}

export interface Subgraph {
  nodeIds: string[];
  edgeIds: string[];
}

function assertNode(graph: KnowledgeGraph, id: string): void {
  if (!graph.hasNode(id)) throw new LiaisonError('not-found', `Entity ${id} is not in the graph`);
}

function overlaps(edge: LinkEdge, from: number | null, to: number | null): boolean {
  return (
    (from === null || edge.end === null || edge.end >= from) &&
    (to === null || edge.start === null || edge.start <= to)
  );
}

/**
 * The entities within `k` links of `startId` (links followed in both directions), in breadth-first order with
 * their hop count, and every link that passes the time filter between two of them.
 */
export function expandHops(
  graph: KnowledgeGraph,
  startId: string,
  k: number,
  filter: HopFilter = {},
): Subgraph & { hops: Record<string, number> } {
  assertNode(graph, startId);
  const from = instant(filter.from, 'start');
  const to = instant(filter.to, 'end');
  const typeAllowed = (id: string) =>
    !filter.types || filter.types.includes(graph.getNodeAttribute(id, 'type'));
  const hops: Record<string, number> = { [startId]: 0 };
  const nodeIds = [startId];
  for (let index = 0; index < nodeIds.length; index++) {
    const node = nodeIds[index]!;
    const distance = hops[node]!;
    if (distance >= k) continue;
    graph.forEachEdge(node, (_edge, attributes, source, target) => {
      const next = source === node ? target : source;
      if (next in hops || !overlaps(attributes, from, to) || !typeAllowed(next)) return;
      hops[next] = distance + 1;
      nodeIds.push(next);
    });
  }
  const edgeIds = graph.filterEdges(
    (_edge, attributes, source, target) => source in hops && target in hops && overlaps(attributes, from, to),
  );
  return { nodeIds, edgeIds, hops };
}

/** The fewest-links path between two entities, ignoring link direction; null when they are not connected. */
export function shortestPath(graph: KnowledgeGraph, a: string, b: string): Subgraph | null {
  assertNode(graph, a);
  assertNode(graph, b);
  if (a === b) return { nodeIds: [a], edgeIds: [] };
  const nodeIds = bidirectional(undirectedProjection(graph), a, b);
  if (!nodeIds) return null;
  const edgeIds = nodeIds.slice(1).map((node, index) => {
    const previous = nodeIds[index]!;
    return [...graph.edges(previous, node), ...graph.edges(node, previous)].sort()[0]!;
  });
  return { nodeIds, edgeIds };
}

/** A fixed-seed generator, so the same graph always splits into the same communities. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Louvain communities of the undirected graph (parallel links add weight). Returns entity → community,
 * communities numbered 0, 1, … in the order their first entity was added to the graph.
 */
export function communities(
  graph: KnowledgeGraph,
  options: { resolution?: number } = {},
): Record<string, number> {
  const simple = undirectedProjection(graph);
  const raw = louvain(simple, {
    getEdgeWeight: 'weight',
    randomWalk: false,
    rng: seededRandom(20251110),
    resolution: options.resolution ?? 1,
  });
  const renumbered = new Map<number, number>();
  const result: Record<string, number> = {};
  simple.forEachNode((node) => {
    const community = raw[node]!;
    if (!renumbered.has(community)) renumbered.set(community, renumbered.size);
    result[node] = renumbered.get(community)!;
  });
  return result;
}

export interface CentralityScore {
  id: string;
  /** Number of distinct entities linked to this one. */
  degree: number;
  /** Unnormalised betweenness on the undirected graph: shortest paths between other pairs that pass here. */
  betweenness: number;
}

/** The `top` most central entities, by betweenness, then degree, then id. */
export function centrality(graph: KnowledgeGraph, options: { top?: number } = {}): CentralityScore[] {
  const simple = undirectedProjection(graph);
  const betweenness = betweennessCentrality(simple, { normalized: false, getEdgeWeight: null });
  return simple
    .mapNodes((id) => ({ id, degree: simple.degree(id), betweenness: betweenness[id] ?? 0 }))
    .sort((x, y) => y.betweenness - x.betweenness || y.degree - x.degree || (x.id < y.id ? -1 : 1))
    .slice(0, options.top ?? 10);
}
