import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  buildGraph,
  type ChartAnalysis,
  type ChartEdge,
  type ChartNode,
  centrality,
  communities,
  type EntityType,
  expandHops,
  type GraphExpansion,
  type GraphLink,
  type GraphPath,
  type LinkType,
  shortestPath,
} from '@liaison/core/graph/index';
import { sql } from 'kysely';
import type { Ctx, Db } from '../../context.ts';
import { entityVisible } from '../entities/visibility.ts';

interface Loaded {
  nodes: Map<string, ChartNode>;
  edges: Map<string, ChartEdge>;
}

// A chart beyond this many entities is not readable and not cheap: expansion stops there and says so.
const MAX_NODES = 2_000;

async function visibleNodes(db: Db, actor: Actor, ids: readonly string[]): Promise<ChartNode[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('entities')
    .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
    .select([
      'entities.id',
      'entities.type',
      'entities.caption',
      'agencies.code as ownerAgency',
      'entities.tlp',
      'entities.handling_code as handlingCode',
    ])
    .where('entities.id', 'in', [...ids])
    .where(entityVisible(actor))
    .execute();
}

interface LinkRow {
  id: string;
  type: string;
  source_id: string;
  target_id: string;
  valid_from: string | null;
  valid_to: string | null;
  properties: Record<string, unknown>;
}

/** The links with an end among `ids`: one statement per end, so each uses its own index. */
function touchingLinks(ids: readonly string[]) {
  return sql<LinkRow>`
    select id, type, source_id, target_id, valid_from, valid_to, properties from links where source_id = any(${[...ids]}::uuid[])
    union
    select id, type, source_id, target_id, valid_from, valid_to, properties from links where target_id = any(${[...ids]}::uuid[])`;
}

function edgeOf(l: LinkRow): ChartEdge {
  return {
    id: l.id,
    type: l.type,
    sourceId: l.source_id,
    targetId: l.target_id,
    validFrom: l.valid_from ?? undefined,
    validTo: l.valid_to ?? undefined,
    properties: l.properties,
  };
}

async function linksTouching(db: Db, ids: readonly string[]): Promise<ChartEdge[]> {
  return (await touchingLinks(ids).execute(db)).rows.map(edgeOf);
}

/**
 * One breadth-first step over visible entities only (restricted entities are never crossed), in one set-based
 * statement: the visible entities at the far ends of the links touching the frontier not yet loaded (at most
 * `room` of them, the visibility rule applied once to the whole set), and those links whose both ends are
 * loaded (the others would be dropped anyway, so they are not sent).
 */
async function step(db: Db, actor: Actor, loaded: Loaded, frontier: readonly string[]): Promise<string[]> {
  const room = Math.max(0, MAX_NODES - loaded.nodes.size);
  const known = [...loaded.nodes.keys()];
  const result = await sql<{ links: LinkRow[] | null; nodes: ChartNode[] | null }>`
    with known as materialized (select unnest(${known}::uuid[]) as id),
    touching as materialized (${touchingLinks(frontier)}),
    ends as (
      select source_id as id from touching union select target_id from touching
    ),
    fresh as materialized (
      select entities.id, entities.type, entities.caption, agencies.code as "ownerAgency",
        entities.tlp, entities.handling_code as "handlingCode"
      from entities join agencies on agencies.id = entities.owner_agency_id
      -- The candidates as an array: each is fetched by its key and only they meet the visibility rule (with
      -- "in (…)" the planner may scan every entity and test the rule on each).
      where entities.id = any(array(select id from ends where id not in (select id from known)))
        and ${entityVisible(actor)}
      limit ${room}
    ),
    kept as (
      select * from touching
      where source_id in (select id from known union all select id from fresh)
        and target_id in (select id from known union all select id from fresh)
    )
    select (select json_agg(kept) from kept) as links, (select json_agg(fresh) from fresh) as nodes
  `.execute(db);
  const row = result.rows[0];
  const fresh = row?.nodes ?? [];
  for (const node of fresh) loaded.nodes.set(node.id, node);
  for (const l of row?.links ?? [])
    if (loaded.nodes.has(l.source_id) && loaded.nodes.has(l.target_id)) loaded.edges.set(l.id, edgeOf(l));
  return fresh.map((n) => n.id);
}

async function start(db: Db, actor: Actor, ids: readonly string[]): Promise<Loaded> {
  const nodes = await visibleNodes(db, actor, ids);
  const missing = ids.filter((id) => !nodes.some((n) => n.id === id));
  if (missing.length > 0) throw new LiaisonError('not-found', `No entity ${missing[0]} that you may see.`);
  return { nodes: new Map(nodes.map((n) => [n.id, n])), edges: new Map() };
}

function graphOf(loaded: Loaded) {
  return buildGraph(
    [...loaded.nodes.values()].map((n) => ({ id: n.id, type: n.type as EntityType, caption: n.caption })),
    [...loaded.edges.values()].map((e): GraphLink => ({ ...e, type: e.type as LinkType })),
  );
}

export interface ExpandQuery {
  ids: string[];
  hops: number;
  types?: EntityType[] | undefined;
  linkTypes?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The entities within k links of the start entities, filtered by entity type, link type and time span. */
export async function expandGraph(ctx: Ctx, actor: Actor, query: ExpandQuery): Promise<GraphExpansion> {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  const loaded = await start(db, actor, query.ids);
  let frontier = [...query.ids];
  for (let hop = 0; hop < query.hops && frontier.length > 0 && loaded.nodes.size < MAX_NODES; hop++)
    frontier = await step(db, actor, loaded, frontier);
  if (query.linkTypes)
    for (const [id, edge] of loaded.edges) if (!query.linkTypes.includes(edge.type)) loaded.edges.delete(id);
  const graph = graphOf(loaded);
  const hops: Record<string, number> = {};
  const edgeIds = new Set<string>();
  for (const id of query.ids) {
    const sub = expandHops(graph, id, query.hops, {
      ...(query.types && { types: query.types }),
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
    });
    for (const [node, hop] of Object.entries(sub.hops)) hops[node] = Math.min(hops[node] ?? hop, hop);
    for (const edge of sub.edgeIds) edgeIds.add(edge);
  }
  return {
    nodes: Object.keys(hops).map((id) => ({ ...loaded.nodes.get(id)!, hop: hops[id]! })),
    edges: [...edgeIds].map((id) => loaded.edges.get(id)!),
    truncated: loaded.nodes.size >= MAX_NODES,
  };
}

/** The fewest-links path between two entities through visible entities, searching from both ends. */
export async function findPath(
  ctx: Ctx,
  actor: Actor,
  fromId: string,
  toId: string,
  maxHops = 6,
): Promise<GraphPath> {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  const loaded = await start(db, actor, [fromId, toId]);
  const seen = { a: new Set([fromId]), b: new Set([toId]) };
  const frontiers = { a: [fromId], b: [toId] };
  for (let depth = 0; depth < maxHops && loaded.nodes.size < MAX_NODES; depth++) {
    const side = frontiers.a.length <= frontiers.b.length ? 'a' : 'b';
    const other = side === 'a' ? 'b' : 'a';
    if (frontiers[side].length === 0) break;
    await step(db, actor, loaded, frontiers[side]);
    const current = new Set(frontiers[side]);
    const next = new Set<string>();
    for (const edge of loaded.edges.values()) {
      if (current.has(edge.sourceId) && !seen[side].has(edge.targetId)) next.add(edge.targetId);
      if (current.has(edge.targetId) && !seen[side].has(edge.sourceId)) next.add(edge.sourceId);
    }
    for (const id of next) seen[side].add(id);
    frontiers[side] = [...next];
    if ([...next].some((id) => seen[other].has(id))) break;
  }
  const path = shortestPath(graphOf(loaded), fromId, toId);
  if (!path) return { found: false as const, nodes: [], edges: [] };
  return {
    found: true as const,
    nodes: path.nodeIds.map((id) => loaded.nodes.get(id)!),
    edges: path.edgeIds.map((id) => loaded.edges.get(id)!),
  };
}

/** Communities and the most central entities of a chart's visible entities and the links between them. */
export async function analyseChart(
  ctx: Ctx,
  actor: Actor,
  ids: readonly string[],
  top = 10,
): Promise<ChartAnalysis> {
  authorize(actor, 'entities.read');
  const db = ctx.app.db;
  const nodes = await visibleNodes(db, actor, ids);
  const loaded: Loaded = { nodes: new Map(nodes.map((n) => [n.id, n])), edges: new Map() };
  if (nodes.length > 0)
    for (const link of await linksTouching(db, [...loaded.nodes.keys()]))
      if (loaded.nodes.has(link.sourceId) && loaded.nodes.has(link.targetId)) loaded.edges.set(link.id, link);
  const graph = graphOf(loaded);
  return {
    communities: nodes.length ? communities(graph) : {},
    central: nodes.length ? centrality(graph, { top }) : [],
  };
}
