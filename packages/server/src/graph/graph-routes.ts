import { correlationRoutes } from '../correlation/correlation-routes.ts';
import { eventRoutes } from '../events/event-routes.ts';
import type { RouteModule } from '../http/route-types.ts';
import { chartRoutes } from './charts/chart-routes.ts';
import { entityRoutes } from './entities/entity-routes.ts';
import { linkRoutes } from './links/link-routes.ts';
import { searchRoutes } from './search/search-routes.ts';

/** The knowledge-graph feature's routes: entities, links and charts, correlation, search and live events. */
export const graphRoutes: RouteModule = (api, app) => {
  for (const register of [
    entityRoutes,
    linkRoutes,
    correlationRoutes,
    searchRoutes,
    chartRoutes,
    eventRoutes,
  ])
    register(api, app);
};
