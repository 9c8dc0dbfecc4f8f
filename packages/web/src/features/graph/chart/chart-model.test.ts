import { describe, expect, it } from 'vitest';
import { emptyChart, mergeSubgraph, nodeSizes } from './chart-model.ts';

const node = (id: string) => ({ id, type: 'person', caption: id, ownerAgency: 'KNPA' });

describe('chart model', () => {
  it('merges subgraphs and drops links to entities not on the chart', () => {
    const once = mergeSubgraph(emptyChart, {
      nodes: [node('a'), node('b')],
      edges: [
        { id: 'ab', type: 'uses', sourceId: 'a', targetId: 'b', properties: {} },
        { id: 'ac', type: 'uses', sourceId: 'a', targetId: 'c', properties: {} },
      ],
    });
    expect([...once.nodes.keys()]).toEqual(['a', 'b']);
    expect([...once.edges.keys()]).toEqual(['ab']);
    const twice = mergeSubgraph(once, { nodes: [node('b'), node('c')], edges: [] });
    expect(twice.nodes.size).toBe(3);
  });

  it('sizes the most central entity largest', () => {
    const sizes = nodeSizes({
      communities: {},
      central: [
        { id: 'hub', degree: 5, betweenness: 10 },
        { id: 'leaf', degree: 1, betweenness: 0 },
      ],
    });
    expect(sizes.hub).toBe(64);
    expect(sizes.leaf).toBe(28);
    expect(nodeSizes(null)).toEqual({});
  });
});
