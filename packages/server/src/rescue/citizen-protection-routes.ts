import { compoundsRoutes } from '../compounds/compounds-routes.ts';
import type { RouteModule } from '../http/route-types.ts';
import { publicRoutes } from '../public/public-routes.ts';
import { rescueRoutes } from './rescue-routes.ts';

/** Citizen protection: rescue cases, the compound register and map, and the public report form. */
export const citizenProtectionRoutes: RouteModule = (api, app) => {
  rescueRoutes(api, app);
  compoundsRoutes(api, app);
  publicRoutes(api, app);
};
