import type { ChartModel } from './chart-model.ts';

/** One link of a path as read from its start: the two ends' names, the link type, and its direction. */
export interface PathStep {
  from: string;
  to: string;
  linkType: string;
  /** False when the link points back along the path (B → A while reading A to B). */
  forward: boolean;
}

/**
 * The highlighted path as steps in order from its first entity to its last, so it can be said in words as well
 * as shown in red: each link joins the step's entity to the next one, whichever way it points.
 */
export function pathSteps(model: ChartModel): PathStep[] {
  const path = model.path;
  if (!path) return [];
  const caption = (id: string) => model.nodes.get(id)?.caption ?? '?';
  const edges = path.edgeIds.map((id) => model.edges.get(id)).filter((e) => e !== undefined);
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < path.nodeIds.length; i++) {
    const a = path.nodeIds[i]!;
    const b = path.nodeIds[i + 1]!;
    const edge = edges.find(
      (e) => (e.sourceId === a && e.targetId === b) || (e.sourceId === b && e.targetId === a),
    );
    if (!edge) continue;
    steps.push({ from: caption(a), to: caption(b), linkType: edge.type, forward: edge.sourceId === a });
  }
  return steps;
}
