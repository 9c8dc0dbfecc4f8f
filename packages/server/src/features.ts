import { accountsManifest } from './accounts/manifest.ts';
import { auditManifest } from './audit/manifest.ts';
import { casesManifest } from './cases/manifest.ts';
import { exchangeManifest } from './exchange/manifest.ts';
import type { FeatureManifest } from './feature-manifest.ts';
import { federationManifest } from './federation/manifest.ts';
import { fugitiveFederationManifest } from './fugitives/federation/manifest.ts';
import { fugitiveFlagManifest } from './fugitives/flag/manifest.ts';
import { fugitivesManifest } from './fugitives/manifest.ts';
import { removalsManifest } from './fugitives/removal/manifest.ts';
import { graphManifest } from './graph/manifest.ts';
import { homeManifest } from './home/manifest.ts';
import { systemManifest } from './http/manifest.ts';
import { operationBriefingManifest } from './operations/briefing/manifest.ts';
import { operationFederationManifest } from './operations/federation/manifest.ts';
import { operationsManifest } from './operations/manifest.ts';
import { rescueManifest } from './rescue/manifest.ts';

/** Every feature of a node, in route order. A new feature adds its manifest here: the only list there is. */
export const features: readonly FeatureManifest[] = [
  systemManifest,
  accountsManifest,
  auditManifest,
  graphManifest,
  casesManifest,
  federationManifest,
  exchangeManifest,
  rescueManifest,
  operationsManifest,
  fugitivesManifest,
  fugitiveFlagManifest,
  removalsManifest,
  operationBriefingManifest,
  fugitiveFederationManifest,
  operationFederationManifest,
  homeManifest,
];
