import type { FeatureManifest } from '../feature-manifest.ts';
import { auditRoutes } from './audit-routes.ts';
import { auditCheckpointsJob } from './verify-audit.ts';

/** The hash-chained audit log: its reading and verifying routes and the signed checkpoints of its head. */
export const auditManifest: FeatureManifest = {
  name: 'audit',
  routes: [auditRoutes],
  jobs: [auditCheckpointsJob],
};
