import type { FeatureManifest } from '../feature-manifest.ts';
import { graphRoutes } from './graph-routes.ts';
import { graphPurge, graphRecordKinds } from './shared-record-kinds.ts';

/** The knowledge graph: entities, links, charts, correlation and hits, search and live events. */
export const graphManifest: FeatureManifest = {
  name: 'graph',
  routes: [graphRoutes],
  recordKinds: graphRecordKinds,
  purges: [graphPurge],
};
