import { LiaisonError } from '@liaison/core';
import { NoContent } from '@liaison/core/contract/responses';
import {
  honeypotField,
  PublicReportFile,
  PublicReportFiled,
  PublicReportInput,
  PublicReportStatus,
  ReportAddition,
} from '@liaison/core/rescue/index';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../http/request-context.ts';
import type { Api, RouteModule } from '../http/route-types.ts';
import { rescueFileKinds, uploadMimeTypes, videoLimitBytes } from '../rescue/files-service.ts';
import {
  addToPublicReport,
  auditPublic,
  filePublicReport,
  publicReportStatus,
  uploadToPublicReport,
} from './public-report-service.ts';

const perHour = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

const ReferenceParams = z.object({
  reference: z.string().regex(/^LR-[0-9A-Za-z]{5}-[0-9A-Za-z]{5}$/, 'Not a report reference'),
});
const SecretHeaders = z.object({ 'x-report-secret': z.string().min(16).max(100) });

/** Bots fill the hidden field: refuse them before validation, and audit it (the refusal looks like any other). */
function honeypotHook(app: Parameters<RouteModule>[1]) {
  return async (request: FastifyRequest) => {
    const body = request.body as Record<string, unknown> | undefined;
    const value = body && typeof body === 'object' ? body[honeypotField] : undefined;
    if (typeof value === 'string' && value.length > 0) {
      await auditPublic(ctxOf(app, request), 'public_report.honeypot', { path: request.url.split('?')[0] });
      throw new LiaisonError('invalid-input', 'The report could not be accepted.');
    }
  };
}

/** The public rescue report form: no login, rate-limited per address, no third-party CAPTCHA. */
export const publicRoutes: RouteModule = (api, app) => {
  const reportsPerHour = perHour('RESCUE_PUBLIC_REPORTS_PER_HOUR', 10);
  const accessPerMinute = perHour('RESCUE_PUBLIC_ACCESS_PER_MINUTE', 20);

  api.post(
    '/api/v1/public/reports',
    {
      config: { access: 'public', rateLimit: { max: reportsPerHour, timeWindow: '1 hour' } },
      preValidation: honeypotHook(app),
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['public'],
        body: PublicReportInput,
        response: { 201: PublicReportFiled },
      },
    },
    async (request, reply) => reply.code(201).send(await filePublicReport(ctxOf(app, request), request.body)),
  );

  api.get(
    '/api/v1/public/reports/:reference',
    {
      config: { access: 'public', rateLimit: { max: accessPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        params: ReferenceParams,
        headers: SecretHeaders,
        response: { 200: PublicReportStatus },
      },
    },
    async (request) =>
      publicReportStatus(ctxOf(app, request), request.params.reference, request.headers['x-report-secret']),
  );

  api.post(
    '/api/v1/public/reports/:reference/additions',
    {
      config: { access: 'public', rateLimit: { max: accessPerMinute, timeWindow: '1 minute' } },
      preValidation: honeypotHook(app),
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['public'],
        params: ReferenceParams,
        headers: SecretHeaders,
        body: ReportAddition,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await addToPublicReport(
        ctxOf(app, request),
        request.params.reference,
        request.headers['x-report-secret'],
        request.body.text,
      );
      return reply.code(204).send();
    },
  );

  api.register(async (scoped: Api) => {
    // Photos and the video arrive as the raw file body, one per request, so the size limit applies per file.
    scoped.addContentTypeParser(
      [...uploadMimeTypes],
      { parseAs: 'buffer', bodyLimit: videoLimitBytes },
      (_request, body, done) => done(null, body),
    );
    scoped.post(
      '/api/v1/public/reports/:reference/files',
      {
        config: {
          access: 'public',
          rateLimit: { max: perHour('RESCUE_PUBLIC_UPLOADS_PER_HOUR', 40), timeWindow: '1 hour' },
        },
        bodyLimit: videoLimitBytes,
        schema: {
          tags: ['public'],
          params: ReferenceParams,
          headers: SecretHeaders,
          querystring: z.object({ kind: z.enum(rescueFileKinds) }),
          response: { 201: PublicReportFile },
        },
      },
      async (request, reply) => {
        const data = request.body;
        if (!Buffer.isBuffer(data))
          throw new LiaisonError(
            'unsupported-media-type',
            'Send the file itself as the body, with its image or video type.',
          );
        const stored = await uploadToPublicReport(
          ctxOf(app, request),
          request.params.reference,
          request.headers['x-report-secret'],
          request.query.kind,
          request.headers['content-type'] ?? '',
          data,
        );
        return reply.code(201).send(stored);
      },
    );
  });
};
