import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import { LiaisonError } from '../errors/catalogue.ts';
import type { EntityType } from './entity-types.ts';
import type { LinkType } from './link-types.ts';

/** What the graph needs of an entity (an `Entity` fits). */
export interface GraphEntity {
  id: string;
  type: EntityType;
  caption?: string;
}

/** What the graph needs of a link (a `Link` fits). Point-in-time links carry `properties.at`. */
export interface GraphLink {
  id: string;
  type: LinkType;
  sourceId: string;
  targetId: string;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  confidence?: number | undefined;
  properties?: object;
}

export interface EntityNode {
  type: EntityType;
  caption: string;
}

/** A link's time span in epoch milliseconds; null ends are open. */
export interface LinkEdge {
  type: LinkType;
  start: number | null;
  end: number | null;
  confidence: number | null;
}

export type KnowledgeGraph = MultiDirectedGraph<EntityNode, LinkEdge>;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date or date-time as epoch ms; a bare date as an end of span covers its whole (UTC) day. */
export function instant(value: string | undefined, side: 'start' | 'end'): number | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return side === 'end' && dateOnly.test(value) ? ms + 86_400_000 - 1 : ms;
}

/** Builds the directed multigraph of entities (nodes keyed by id) and links (edges keyed by id). */
export function buildGraph(entities: readonly GraphEntity[], links: readonly GraphLink[]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<EntityNode, LinkEdge>();
  for (const entity of entities) {
    graph.mergeNode(entity.id, { type: entity.type, caption: entity.caption ?? entity.id });
  }
  for (const link of links) {
    const missing = [link.sourceId, link.targetId].filter((id) => !graph.hasNode(id));
    if (missing.length > 0) {
      throw new LiaisonError(
        'invalid-input',
        `Link ${link.id} refers to entities not given: ${missing.join(', ')}`,
      );
    }
    const at = (link.properties as { at?: unknown } | undefined)?.at;
    const pointInTime = typeof at === 'string' ? at : undefined;
    graph.addEdgeWithKey(link.id, link.sourceId, link.targetId, {
      type: link.type,
      start: instant(link.validFrom ?? pointInTime, 'start'),
      end: instant(link.validTo ?? pointInTime, 'end'),
      confidence: link.confidence ?? null,
    });
  }
  return graph;
}

/** The simple undirected graph under a knowledge graph: one edge per linked pair, weighted by link count. */
export function undirectedProjection(graph: KnowledgeGraph): UndirectedGraph<EntityNode, { weight: number }> {
  const simple = new UndirectedGraph<EntityNode, { weight: number }>();
  graph.forEachNode((node, attributes) => {
    simple.addNode(node, attributes);
  });
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    if (simple.hasEdge(source, target))
      simple.updateEdgeAttribute(source, target, 'weight', (w = 0) => w + 1);
    else simple.addEdge(source, target, { weight: 1 });
  });
  return simple;
}
