import type { FeatureManifest } from '../feature-manifest.ts';
import { systemRoutes } from './system-routes.ts';

/** The node itself: health, readiness, the OpenAPI document. */
export const systemManifest: FeatureManifest = { name: 'system', routes: [systemRoutes] };
