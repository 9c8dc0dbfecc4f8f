import type { FeatureManifest } from '../feature-manifest.ts';
import { exchangeRoutes } from './exchange-routes.ts';
import { answerHitQuery, exchangeItemsHold } from './hits.ts';
import { exchangeDeliveryListeners, exchangeMessageHandlers } from './inbound.ts';
import { exchangeJobs } from './retention.ts';

/** Messages and requests between the agencies, hit/no-hit queries, retention of what peers gave us. */
export const exchangeManifest: FeatureManifest = {
  name: 'exchange',
  routes: [exchangeRoutes],
  messageHandlers: exchangeMessageHandlers,
  deliveryListeners: exchangeDeliveryListeners,
  requestHandlers: { 'hit.query': answerHitQuery },
  hitSources: [exchangeItemsHold],
  jobs: exchangeJobs,
};
