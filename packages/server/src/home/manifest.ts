import type { FeatureManifest } from '../feature-manifest.ts';
import { homeRoutes } from './home-routes.ts';

/** "What needs me now", from each feature's own services. */
export const homeManifest: FeatureManifest = { name: 'home', routes: [homeRoutes] };
