import type { FeatureManifest } from '../feature-manifest.ts';
import { attachmentJob } from './attachment-files/fetch-job.ts';
import { catchUpJob, deliveryJob } from './delivery.ts';
import { federationRoutes } from './routes.ts';

/** Peers, the sealed message exchange with them, and joint case workspaces. */
export const federationManifest: FeatureManifest = {
  name: 'federation',
  routes: [federationRoutes],
  jobs: [deliveryJob, catchUpJob, attachmentJob],
};
