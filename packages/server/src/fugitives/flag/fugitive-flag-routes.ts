import {
  ConfirmFlagInput,
  DismissFlagInput,
  FlagListQuery,
  FugitiveFlag,
  FugitiveFlagList,
  PartnerFlagNoticeList,
} from '@liaison/core/fugitives/flag-schemas';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { confirmFlag, dismissFlag, getFlag, listFlags, listPartnerNotices } from './flag-service.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['fugitive-flag'];

export const fugitiveFlagRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/fugitive-flags',
    {
      config: { access: 'fugitives.alerts' },
      schema: { tags, querystring: FlagListQuery, response: { 200: FugitiveFlagList } },
    },
    async (request) => listFlags(ctxOf(app, request), actorOf(request), request.query),
  );
  api.get(
    '/api/v1/fugitive-flags/partner-notices',
    {
      config: { access: 'fugitives.alerts' },
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: PartnerFlagNoticeList },
      },
    },
    async (request) => listPartnerNotices(ctxOf(app, request), actorOf(request), request.query.limit),
  );
  api.get(
    '/api/v1/fugitive-flags/:id',
    {
      config: { access: 'fugitives.alerts' },
      schema: { tags, params: IdParams, response: { 200: FugitiveFlag } },
    },
    async (request) => getFlag(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/fugitive-flags/:id/dismiss',
    {
      config: { access: 'fugitives.alerts' },
      schema: { tags, params: IdParams, body: DismissFlagInput, response: { 200: FugitiveFlag } },
    },
    async (request) => dismissFlag(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/fugitive-flags/:id/confirm',
    {
      config: { access: 'fugitives.alerts' },
      schema: { tags, params: IdParams, body: ConfirmFlagInput, response: { 200: FugitiveFlag } },
    },
    async (request) =>
      confirmFlag(ctxOf(app, request), actorOf(request), request.params.id, request.body ?? {}),
  );
};
