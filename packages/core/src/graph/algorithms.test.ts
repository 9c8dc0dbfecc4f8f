import { describe, expect, it } from 'vitest';
import { centrality, communities, expandHops, shortestPath } from './algorithms.ts';
import { buildGraph } from './build-graph.ts';
import { scamRingEntities, scamRingLinks } from './scam-ring.fixture.ts';

const graph = buildGraph(scamRingEntities, scamRingLinks);
const sorted = (ids: string[]) => [...ids].sort();

describe('k-hop expansion', () => {
  it('finds the boss, his syndicate, Telegram account and wallet at one hop', () => {
    expect(sorted(expandHops(graph, 'boss', 1).nodeIds)).toEqual([
      'boss',
      'bossTelegram',
      'syndicate',
      'tron',
    ]);
  });

  it('reaches the recruiter, compound and mule accounts at two hops, with the links between them', () => {
    const { nodeIds, edgeIds, hops } = expandHops(graph, 'boss', 2);
    expect(sorted(nodeIds)).toEqual(
      sorted(['boss', 'syndicate', 'bossTelegram', 'tron', 'recruiter', 'compound', 'mule1', 'mule2']),
    );
    expect(sorted(edgeIds)).toEqual(sorted(['l1', 'l2', 'l3', 'l7', 'l10', 'l11', 'l12']));
    expect(hops).toMatchObject({ boss: 0, tron: 1, mule1: 2 });
  });

  it('steps only into the entity types asked for', () => {
    const { nodeIds, edgeIds } = expandHops(graph, 'boss', 3, { types: ['person', 'organisation'] });
    expect(sorted(nodeIds)).toEqual(['boss', 'recruiter', 'syndicate', 'victim']);
    expect(sorted(edgeIds)).toEqual(['l1', 'l2', 'l5']);
  });

  it('follows only links whose time overlaps the window; undated links always pass', () => {
    const { nodeIds, edgeIds } = expandHops(graph, 'tron', 2, { from: '2025-09-03', to: '2025-09-30' });
    expect(sorted(nodeIds)).toEqual(
      sorted(['tron', 'mule2', 'boss', 'victimAccount', 'syndicate', 'bossTelegram']),
    );
    expect(sorted(edgeIds)).toEqual(sorted(['l1', 'l7', 'l9', 'l11', 'l12']));
  });

  it('treats a bare end date as the whole day', () => {
    const { nodeIds } = expandHops(graph, 'compound', 1, { from: '2025-10-20T23:00:00Z' });
    expect(nodeIds).toContain('victim');
    expect(expandHops(graph, 'compound', 1, { from: '2025-10-21' }).nodeIds).not.toContain('victim');
  });
});

describe('shortest path', () => {
  it('runs from the recruiter to the TRON wallet through the syndicate and its boss, against link direction', () => {
    expect(shortestPath(graph, 'recruiter', 'tron')).toEqual({
      nodeIds: ['recruiter', 'syndicate', 'boss', 'tron'],
      edgeIds: ['l2', 'l1', 'l12'],
    });
  });

  it('is null between unconnected entities and throws for an unknown one', () => {
    expect(shortestPath(graph, 'boss', 'stranger')).toBeNull();
    expect(shortestPath(graph, 'boss', 'boss')).toEqual({ nodeIds: ['boss'], edgeIds: [] });
    expect(() => shortestPath(graph, 'boss', 'nobody')).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });
});

describe('communities', () => {
  it('splits the ring into leadership, compound crew, money trail and the unrelated person', () => {
    expect(communities(graph)).toEqual({
      boss: 0,
      bossTelegram: 0,
      syndicate: 1,
      compound: 1,
      recruiter: 1,
      recruiterPhone: 1,
      victim: 1,
      victimAccount: 2,
      mule1: 2,
      mule2: 2,
      tron: 2,
      stranger: 3,
    });
  });
});

describe('centrality', () => {
  it('ranks the boss first: every path from his Telegram account and most money paths pass through him', () => {
    expect(centrality(graph, { top: 5 })).toEqual([
      { id: 'boss', degree: 3, betweenness: 15 },
      { id: 'syndicate', degree: 3, betweenness: 12 },
      { id: 'recruiter', degree: 3, betweenness: 11 },
      { id: 'victim', degree: 3, betweenness: 11 },
      { id: 'victimAccount', degree: 3, betweenness: 9.5 },
    ]);
  });

  it('gives leaves and isolated entities no betweenness', () => {
    const scores = Object.fromEntries(centrality(graph, { top: 100 }).map((score) => [score.id, score]));
    expect(scores.bossTelegram).toEqual({ id: 'bossTelegram', degree: 1, betweenness: 0 });
    expect(scores.stranger).toEqual({ id: 'stranger', degree: 0, betweenness: 0 });
  });
});

describe('building the graph', () => {
  it('refuses a link to an entity that was not given', () => {
    expect(() => buildGraph([], [scamRingLinks[0]!])).toThrow(/not given: boss, syndicate/);
  });
});
