import type { RouteModule } from '../../http/route-types.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { casePartRoutes } from './case-part-routes.ts';
import { caseRoutes } from './case-routes.ts';

/** Every joint-case route: the one entry the cases manifest lists. */
export const casesRoutes: RouteModule = (api, app) => {
  caseRoutes(api, app);
  casePartRoutes(api, app);
  attachmentRoutes(api, app);
};
