import { graphHolds } from '../correlation/partner-hit-source.ts';
import { correlationPurge } from '../correlation/purge.ts';
import type { FeatureManifest } from '../feature-manifest.ts';
import { graphRoutes } from './graph-routes.ts';
import { graphPurge } from './intake/purge.ts';
import { graphRecordKinds } from './shared-record-kinds.ts';

/** The knowledge graph: entities, links, charts, correlation and hits, search and live events. */
export const graphManifest: FeatureManifest = {
  name: 'graph',
  routes: [graphRoutes],
  recordKinds: graphRecordKinds,
  // Correlation's rows point at the graph's: its purge runs first (`before`).
  purges: [graphPurge, correlationPurge],
  // What a partner's hit/no-hit query finds in the graph.
  hitSources: [graphHolds],
};
