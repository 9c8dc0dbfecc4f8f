import type { FeatureManifest } from '../feature-manifest.ts';
import { fugitiveFilesHoldBlobs } from './files-service.ts';
import { fugitivesRoutes } from './fugitives-routes.ts';
import { fugitiveWatchJob } from './watch-job.ts';

/** The fugitive register: wanted persons, their life cycle, sightings and files; the warrant and stall watch. */
export const fugitivesManifest: FeatureManifest = {
  name: 'fugitives',
  routes: [fugitivesRoutes],
  jobs: [fugitiveWatchJob],
  blobHolders: [fugitiveFilesHoldBlobs],
};
