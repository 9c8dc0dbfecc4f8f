import { HomeSummary } from '@liaison/core/home/home-summary';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { homeSummary } from './home-service.ts';

export const homeRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/home',
    { config: { access: 'signed-in' }, schema: { tags: ['home'], response: { 200: HomeSummary } } },
    async (request) => homeSummary(ctxOf(app, request), actorOf(request)),
  );
};
