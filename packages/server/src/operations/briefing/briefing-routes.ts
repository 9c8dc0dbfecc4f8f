import { binaryResponse } from '@liaison/core/contract/responses';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { briefingLanguages } from './briefing-labels.ts';
import { briefingPdf } from './briefing-service.ts';

const Params = z.object({ id: z.uuid() });
const Query = z.object({
  lang: z.enum(briefingLanguages, { message: 'Choose the language: en, ko or km' }).default('en'),
});

export const briefingRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/operations/:id/briefing.pdf',
    {
      config: { access: 'operations.read' },
      schema: {
        tags: ['operations'],
        params: Params,
        querystring: Query,
        response: { 200: binaryResponse('The briefing pack, as a PDF', ['application/pdf']) },
      },
    },
    async (request, reply) => {
      const pdf = await briefingPdf(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${pdf.filename}"`)
        .send(pdf.data);
    },
  );
};
