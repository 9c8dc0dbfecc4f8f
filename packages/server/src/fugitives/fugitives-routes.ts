import multipart from '@fastify/multipart';
import { LiaisonError } from '@liaison/core';
import { maxAttachmentBytes } from '@liaison/core/cases/index';
import { binaryResponse } from '@liaison/core/contract/responses';
import {
  Fugitive,
  FugitiveDetail,
  FugitiveFile,
  FugitiveFileKind,
  FugitiveInput,
  FugitiveList,
  FugitiveListQuery,
  FugitivePatch,
  FugitiveStats,
  FugitiveStatsQuery,
  FugitiveStep,
  FugitiveStepInput,
  Sighting,
  SightingInput,
  SightingVerificationInput,
} from '@liaison/core/fugitives/schemas';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { openFugitiveFile, uploadFugitiveFile } from './files-service.ts';
import {
  addFugitiveStep,
  createFugitive,
  getFugitive,
  listFugitives,
  updateFugitive,
} from './fugitives-service.ts';
import { addSighting, verifySighting } from './sightings-service.ts';
import { fugitiveStatistics } from './stats-service.ts';

const tags = ['fugitives'];
const IdParams = z.object({ id: z.uuid() });
const ChildParams = z.object({ id: z.uuid(), childId: z.uuid() });

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback plus the exact name (Hangul, Khmer). */
function contentDisposition(filename: string, inline: boolean): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The fugitive register: list, record, steps of the life cycle, sightings, files, numbers. */
export const fugitivesRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/fugitives',
    {
      config: { access: 'fugitives.read' },
      schema: { tags, querystring: FugitiveListQuery, response: { 200: FugitiveList } },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await listFugitives(ctxOf(app, request), actorOf(request), request.query)),
  );
  api.get(
    '/api/v1/fugitives/stats',
    {
      config: { access: 'stats.read' },
      schema: { tags, querystring: FugitiveStatsQuery, response: { 200: FugitiveStats } },
    },
    async (request) => fugitiveStatistics(ctxOf(app, request), actorOf(request), request.query),
  );
  api.post(
    '/api/v1/fugitives',
    {
      config: { access: 'fugitives.write' },
      schema: { tags, body: FugitiveInput, response: { 201: Fugitive } },
    },
    async (request, reply) =>
      reply.code(201).send(await createFugitive(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/fugitives/:id',
    {
      config: { access: 'fugitives.read' },
      schema: { tags, params: IdParams, response: { 200: FugitiveDetail } },
    },
    async (request, reply) => {
      const detail = await getFugitive(ctxOf(app, request), actorOf(request), request.params.id);
      return reply.header('cache-control', 'no-store').send(detail);
    },
  );
  api.patch(
    '/api/v1/fugitives/:id',
    {
      config: { access: 'fugitives.write' },
      schema: { tags, params: IdParams, body: FugitivePatch, response: { 200: Fugitive } },
    },
    async (request) => updateFugitive(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/fugitives/:id/steps',
    {
      config: { access: 'fugitives.write' },
      schema: { tags, params: IdParams, body: FugitiveStepInput, response: { 201: FugitiveStep } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addFugitiveStep(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/v1/fugitives/:id/sightings',
    {
      config: { access: 'fugitives.write' },
      schema: { tags, params: IdParams, body: SightingInput, response: { 201: Sighting } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addSighting(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/api/v1/fugitives/:id/sightings/:childId',
    {
      config: { access: 'fugitives.write' },
      schema: { tags, params: ChildParams, body: SightingVerificationInput, response: { 200: Sighting } },
    },
    async (request) =>
      verifySighting(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.childId,
        request.body,
      ),
  );
  api.get(
    '/api/v1/fugitives/:id/files/:childId/content',
    {
      config: { access: 'fugitives.read' },
      schema: {
        tags,
        params: ChildParams,
        response: { 200: binaryResponse('The file as uploaded, in its media type', ['*/*']) },
      },
    },
    async (request, reply) => {
      const { file, content } = await openFugitiveFile(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.childId,
      );
      return reply
        .type(file.mediaType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', contentDisposition(file.filename, file.kind === 'photo'))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
  // Upload: multipart, streamed; accepted on this route only.
  api.register(async (scoped) => {
    await scoped.register(multipart, {
      limits: { fileSize: maxAttachmentBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
      throwFileSizeLimit: false,
    });
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/fugitives/:id/files',
      {
        config: { access: 'fugitives.write' },
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          params: IdParams,
          querystring: z.object({ kind: FugitiveFileKind.default('document') }),
          response: { 201: FugitiveFile },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new LiaisonError(
            'unsupported-media-type',
            'Upload a file as multipart/form-data in a field named "file".',
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
        const file = await uploadFugitiveFile(ctxOf(app, request), actorOf(request), request.params.id, {
          kind: request.query.kind,
          filename: part.filename,
          declaredType,
          content: part.file,
        });
        return reply.code(201).send(file);
      },
    );
  });
};
