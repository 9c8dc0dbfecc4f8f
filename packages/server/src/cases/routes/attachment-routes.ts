import multipart from '@fastify/multipart';
import { LiaisonError } from '@liaison/core';
import { Attachment, maxAttachmentBytes } from '@liaison/core/cases/index';
import { binaryResponse, NoContent } from '@liaison/core/contract/responses';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import {
  listAttachments,
  openAttachment,
  removeAttachment,
  uploadAttachment,
} from '../attachments-service.ts';
import { CaseChildParams, CaseIdParams } from '../schemas.ts';

const tags = ['cases'];

/** `attachment; filename="…"; filename*=UTF-8''…` — an ASCII fallback plus the exact name (Hangul, Khmer). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Upload (multipart, streamed) and download of case attachments; multipart is accepted on these routes only. */
export const attachmentRoutes: RouteModule = (api, app) => {
  api.register(async (scoped) => {
    await scoped.register(multipart, {
      limits: { fileSize: maxAttachmentBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
      throwFileSizeLimit: false,
    });
    const routes = scoped.withTypeProvider<ZodTypeProvider>();

    routes.post(
      '/api/v1/cases/:id/attachments',
      {
        config: { access: 'cases.write' },
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          params: CaseIdParams,
          response: { 201: Attachment },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new LiaisonError(
            'unsupported-media-type',
            'Upload a file as multipart/form-data with a field named "file".',
          );
        const part = await request.file();
        if (!part)
          throw new LiaisonError('invalid-input', 'Send one file in a field named "file".', {
            fields: [{ path: '/file', message: 'Required', code: 'required' }],
          });
        const declared = part.fields.mediaType;
        const declaredType =
          declared && !Array.isArray(declared) && declared.type === 'field'
            ? String(declared.value)
            : part.mimetype;
        const attachment = await uploadAttachment(ctxOf(app, request), actorOf(request), request.params.id, {
          filename: part.filename,
          declaredType,
          content: part.file,
        });
        return reply.code(201).send(attachment);
      },
    );
  });

  api.get(
    '/api/v1/cases/:id/attachments',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: CaseIdParams, response: { 200: z.array(Attachment) } },
    },
    async (request) => listAttachments(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.get(
    '/api/v1/cases/:id/attachments/:childId/content',
    {
      config: { access: 'cases.read' },
      schema: {
        tags,
        params: CaseChildParams,
        response: {
          200: binaryResponse('The file as uploaded, in its media type (as a download)', ['*/*']),
        },
      },
    },
    async (request, reply) => {
      const { attachment, content } = await openAttachment(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.childId,
      );
      return reply
        .type(attachment.mediaType)
        .header('content-length', String(attachment.sizeBytes))
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
  api.delete(
    '/api/v1/cases/:id/attachments/:childId',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseChildParams, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await removeAttachment(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.childId,
      );
      return reply.code(204).send();
    },
  );
};
