import type { FeatureManifest } from '../../feature-manifest.ts';
import { operationRecord, operationsPurge } from './operation-record.ts';

/** Joint operations travelling to the partner: in a case shared with its `operations` part, and as exchange items. */
export const operationFederationManifest: FeatureManifest = {
  name: 'operation-federation',
  recordKinds: [operationRecord],
  purges: [operationsPurge],
};
