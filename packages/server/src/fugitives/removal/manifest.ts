import type { FeatureManifest } from '../../feature-manifest.ts';
import { removalRoutes } from './removal-routes.ts';

/** Removal planning: flights, escorts under the escort rule, boarding with the warrant, hand-over, manifests. */
export const removalsManifest: FeatureManifest = {
  name: 'removals',
  routes: [removalRoutes],
};
