import type { FeatureManifest } from '../feature-manifest.ts';
import { attachmentJob } from './attachment-files/fetch-job.ts';
import { caseSyncObserver } from './case-sync/capture.ts';
import { caseSyncMessageHandlers } from './case-sync/handlers.ts';
import { caseShareDeliveryListeners } from './case-sync/share-delivery.ts';
import { catchUpJob, deliveryJob } from './delivery.ts';
import { federationRoutes } from './federation-routes.ts';
import { keyMessageHandlers } from './key-messages.ts';

/** Peers, the sealed message exchange with them, and joint case workspaces. */
export const federationManifest: FeatureManifest = {
  name: 'federation',
  routes: [federationRoutes],
  messageHandlers: { ...keyMessageHandlers, ...caseSyncMessageHandlers },
  deliveryListeners: caseShareDeliveryListeners,
  jobs: [deliveryJob, catchUpJob, attachmentJob],
  // Mirrors the changes of shared cases to the partners (case-sync/capture.ts).
  changeObservers: [caseSyncObserver],
};
