import type { FeatureManifest } from '../../feature-manifest.ts';
import { fugitiveRecord } from './fugitive-record.ts';
import { fugitivesPurge } from './purge.ts';
import { sightingRecord } from './sighting-record.ts';

/** The fugitive register travelling to the partner: fugitives and their sightings, in shared cases and as exchange items. */
export const fugitiveFederationManifest: FeatureManifest = {
  name: 'fugitive-federation',
  recordKinds: [fugitiveRecord, sightingRecord],
  purges: [fugitivesPurge],
};
