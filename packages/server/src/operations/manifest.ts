import type { FeatureManifest } from '../feature-manifest.ts';
import { operationsRoutes } from './operations-routes.ts';

/** Joint operations (README.md here): planning, the commander's go/no-go, the execution log, the outcome. */
export const operationsManifest: FeatureManifest = {
  name: 'operations',
  routes: [operationsRoutes],
};
