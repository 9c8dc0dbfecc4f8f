import { describe, expect, it } from 'vitest';
import { emptyChart, mergeSubgraph } from './chart-model.ts';
import { pathSteps } from './path-words.ts';

const node = (id: string, caption: string) => ({ id, type: 'person', caption, ownerAgency: 'KNPA' });
const edge = (id: string, type: string, sourceId: string, targetId: string) => ({
  id,
  type,
  sourceId,
  targetId,
  properties: {},
});

describe('pathSteps', () => {
  it('reads the path from its start, saying which links point back', () => {
    const model = {
      ...mergeSubgraph(emptyChart, {
        nodes: [node('a', '한복남'), node('b', '+855 97 612 3456'), node('c', 'Golden Fortune')],
        edges: [edge('e1', 'uses', 'a', 'b'), edge('e2', 'owns', 'c', 'b')],
      }),
      path: { nodeIds: ['a', 'b', 'c'], edgeIds: ['e1', 'e2'] },
    };
    expect(pathSteps(model)).toEqual([
      { from: '한복남', to: '+855 97 612 3456', linkType: 'uses', forward: true },
      { from: '+855 97 612 3456', to: 'Golden Fortune', linkType: 'owns', forward: false },
    ]);
  });

  it('has no steps without a path', () => {
    expect(pathSteps(emptyChart)).toEqual([]);
  });
});
