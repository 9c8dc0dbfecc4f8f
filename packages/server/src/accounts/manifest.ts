import type { FeatureManifest } from '../feature-manifest.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';

/** Sign-in, sessions, TOTP and API tokens; users, roles and agencies for administrators. */
export const accountsManifest: FeatureManifest = { name: 'accounts', routes: [authRoutes, adminRoutes] };
