import { adminRoutes } from '../accounts/routes/admin-routes.ts';
import { authRoutes } from '../accounts/routes/auth-routes.ts';
import { auditRoutes } from '../audit/audit-routes.ts';
import { casesRoutes } from '../cases/routes/index.ts';
import { graphRoutes } from '../entities/graph-routes.ts';
import { exchangeRoutes } from '../exchange/routes.ts';
import { federationRoutes } from '../federation/routes.ts';
import { homeRoutes } from '../home/home-routes.ts';
import { citizenProtectionRoutes } from '../rescue/routes.ts';
import type { RouteModule } from './route-types.ts';
import { systemRoutes } from './system-routes.ts';

/** Every feature's routes. A new feature adds one line here. */
export const routeModules: RouteModule[] = [
  systemRoutes,
  authRoutes,
  adminRoutes,
  auditRoutes,
  graphRoutes,
  casesRoutes,
  federationRoutes,
  exchangeRoutes,
  citizenProtectionRoutes,
  homeRoutes,
];
