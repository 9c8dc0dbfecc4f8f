import type { FeatureManifest } from '../feature-manifest.ts';
import { caseAttachmentsHoldBlobs } from './attachment-blobs.ts';
import { casesRoutes } from './routes/cases-routes.ts';
import { caseRecordKinds, casesPurge } from './shared-records.ts';

/** Joint cases: tasks, notes, attachments, the timeline. */
export const casesManifest: FeatureManifest = {
  name: 'cases',
  routes: [casesRoutes],
  recordKinds: caseRecordKinds,
  purges: [casesPurge],
  blobHolders: [caseAttachmentsHoldBlobs],
};
