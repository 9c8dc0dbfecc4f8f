import type { ChartAnalysis, ChartEdge, ChartNode } from '@liaison/core/graph/index';

/** What the chart shows: entities and links by id, plus the last path and analysis to highlight. */
export interface ChartModel {
  nodes: ReadonlyMap<string, ChartNode>;
  edges: ReadonlyMap<string, ChartEdge>;
  path: { nodeIds: readonly string[]; edgeIds: readonly string[] } | null;
  analysis: ChartAnalysis | null;
}

export const emptyChart: ChartModel = { nodes: new Map(), edges: new Map(), path: null, analysis: null };

/** Adds a subgraph; links whose ends are not both on the chart are left out (the other end may be restricted). */
export function mergeSubgraph(
  model: ChartModel,
  sub: { nodes: readonly ChartNode[]; edges: readonly ChartEdge[] },
): ChartModel {
  const nodes = new Map(model.nodes);
  for (const node of sub.nodes) nodes.set(node.id, { ...nodes.get(node.id), ...node });
  const edges = new Map(model.edges);
  for (const edge of sub.edges)
    if (nodes.has(edge.sourceId) && nodes.has(edge.targetId)) edges.set(edge.id, edge);
  return { ...model, nodes, edges };
}

/** Node size from betweenness: the most central entity is largest, those outside the top stay at the base size. */
export function nodeSizes(analysis: ChartAnalysis | null, base = 28, largest = 64): Record<string, number> {
  if (!analysis || analysis.central.length === 0) return {};
  const max = Math.max(...analysis.central.map((c) => c.betweenness), 1);
  return Object.fromEntries(
    analysis.central.map((c) => [c.id, Math.round(base + ((largest - base) * c.betweenness) / max)]),
  );
}
