import type { FeatureManifest } from '../feature-manifest.ts';
import { citizenProtectionRoutes } from './citizen-protection-routes.ts';
import { rescueEscalationsJob } from './escalation-job.ts';
import { rescueGraphPurge } from './rescue-entities.ts';

/** Citizen protection: rescue cases, the compound register and the public report form; escalations. */
export const rescueManifest: FeatureManifest = {
  name: 'rescue',
  routes: [citizenProtectionRoutes],
  jobs: [rescueEscalationsJob],
  purges: [rescueGraphPurge],
};
