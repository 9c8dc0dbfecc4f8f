import type { FeatureManifest } from '../../feature-manifest.ts';
import { briefingRoutes } from './briefing-routes.ts';

/** The joint operation's briefing pack: a PDF per language, for whoever may read the operation. */
export const operationBriefingManifest: FeatureManifest = {
  name: 'operation-briefing',
  routes: [briefingRoutes],
};
