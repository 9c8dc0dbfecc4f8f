import { LiaisonError, plainText } from '@liaison/core';
import { binaryResponse, NoContent } from '@liaison/core/contract/responses';
import {
  DuplicateCandidate,
  DuplicateReviewRequested,
  Repatriation,
  RescueBoardItem,
  RescueCasesMerged,
  RescueCaseView,
  RescueReportInput,
  RescueState,
  RescueStats,
  RiskLevel,
  ScreeningRecord,
  ScreeningResult,
  StaffReportFiled,
  StoredRescueFile,
  TriageQueueItem,
  TriageTaken,
} from '@liaison/core/rescue/index';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { Api, RouteModule } from '../http/route-types.ts';
import { rescueBoard } from './board-service.ts';
import {
  changePersonRole,
  recordConsent,
  recordScreening,
  setNonPunishment,
  updateLocation,
  updateRepatriation,
} from './case-records-service.ts';
import { getRescueCase } from './case-view.ts';
import { listDuplicateCandidates, mergeCases, requestDuplicateReview } from './duplicates-service.ts';
import {
  readCaseFile,
  rescueFileKinds,
  uploadCaseFile,
  uploadMimeTypes,
  videoLimitBytes,
} from './files-service.ts';
import { createStaffReport } from './intake-service.ts';
import { rescueRequestPdf } from './request-pdf.ts';
import { rescueStatistics } from './stats-service.ts';
import { addTeamMember, removeTeamMember } from './team-service.ts';
import { overrideRisk, transitionRescueCase } from './transitions-service.ts';
import { takeFromTriage, triageQueue } from './triage-service.ts';

const CaseParams = z.object({ id: z.uuid() });
const Reason = plainText().min(5, 'Give a reason of at least 5 characters').max(1000);
const tags = ['rescue'];

export const rescueRoutes: RouteModule = (api, app) => {
  api.post(
    '/api/v1/rescue/reports',
    {
      config: { access: 'rescue.write' },
      bodyLimit: 128 * 1024,
      schema: { tags, body: RescueReportInput, response: { 201: StaffReportFiled } },
    },
    async (request, reply) =>
      reply.code(201).send(await createStaffReport(ctxOf(app, request), actorOf(request), request.body)),
  );
  api.get(
    '/api/v1/rescue/board',
    { config: { access: 'rescue.read' }, schema: { tags, response: { 200: z.array(RescueBoardItem) } } },
    async (request) => rescueBoard(ctxOf(app, request), actorOf(request)),
  );
  api.get(
    '/api/v1/rescue/triage',
    { config: { access: 'rescue.triage' }, schema: { tags, response: { 200: z.array(TriageQueueItem) } } },
    async (request) => triageQueue(ctxOf(app, request), actorOf(request)),
  );
  api.post(
    '/api/v1/rescue/cases/:id/take',
    {
      config: { access: 'rescue.triage' },
      schema: { tags, params: CaseParams, response: { 200: TriageTaken } },
    },
    async (request) => takeFromTriage(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.get(
    '/api/v1/rescue/stats',
    { config: { access: 'stats.read' }, schema: { tags, response: { 200: RescueStats } } },
    async (request) => rescueStatistics(ctxOf(app, request), actorOf(request)),
  );
  api.get(
    '/api/v1/rescue/cases/:id',
    {
      config: { access: 'rescue.read' },
      schema: { tags, params: CaseParams, response: { 200: RescueCaseView } },
    },
    async (request) => getRescueCase(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/rescue/cases/:id/transitions',
    {
      config: { access: 'rescue.write' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({
          to: RescueState,
          reason: plainText().max(1000).optional(),
          /** The officer confirms a state whose meaning is not fully on record (e.g. repatriated, no handover). */
          confirmIncomplete: z.literal(true).optional(),
        }),
        response: { 200: RescueCaseView },
      },
    },
    async (request) =>
      transitionRescueCase(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/rescue/cases/:id/risk-override',
    {
      config: { access: 'rescue.triage' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({ level: RiskLevel, reason: Reason }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await overrideRisk(ctxOf(app, request), actorOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/v1/rescue/cases/:id/team',
    {
      config: { access: 'rescue.triage' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({ userId: z.uuid() }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await addTeamMember(ctxOf(app, request), actorOf(request), request.params.id, request.body.userId);
      return reply.code(204).send();
    },
  );
  api.delete(
    '/api/v1/rescue/cases/:id/team/:userId',
    {
      config: { access: 'rescue.triage' },
      schema: { tags, params: z.object({ id: z.uuid(), userId: z.uuid() }), response: { 204: NoContent } },
    },
    async (request, reply) => {
      await removeTeamMember(ctxOf(app, request), actorOf(request), request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  );
  api.get(
    '/api/v1/rescue/cases/:id/duplicates',
    {
      config: { access: 'rescue.read' },
      schema: { tags, params: CaseParams, response: { 200: z.array(DuplicateCandidate) } },
    },
    async (request) => listDuplicateCandidates(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/rescue/cases/:id/duplicates/:otherId/review-request',
    {
      config: { access: 'rescue.write' },
      schema: {
        tags,
        params: z.object({ id: z.uuid(), otherId: z.uuid() }),
        response: { 200: DuplicateReviewRequested },
      },
    },
    async (request) =>
      requestDuplicateReview(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.otherId,
      ),
  );
  api.post(
    '/api/v1/rescue/cases/:id/merge',
    {
      config: { access: 'rescue.triage' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({ sourceCaseId: z.uuid(), reason: Reason }),
        response: { 200: RescueCasesMerged },
      },
    },
    async (request) =>
      mergeCases(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.body.sourceCaseId,
        request.body.reason,
      ),
  );
  api.post(
    '/api/v1/rescue/cases/:id/screening',
    {
      config: { access: 'rescue.write' },
      schema: {
        tags,
        params: CaseParams,
        body: ScreeningRecord.omit({ screenedAt: true, screenedBy: true }),
        response: { 200: ScreeningResult },
      },
    },
    async (request) =>
      recordScreening(ctxOf(app, request), actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/v1/rescue/cases/:id/non-punishment',
    {
      config: { access: 'rescue.triage' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({ flag: z.boolean(), reason: Reason }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await setNonPunishment(ctxOf(app, request), actorOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/v1/rescue/cases/:id/role',
    {
      config: { access: 'rescue.triage' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({ role: z.enum(['victim', 'suspect', 'witness']), reason: Reason }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changePersonRole(ctxOf(app, request), actorOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/v1/rescue/cases/:id/consent',
    {
      config: { access: 'rescue.write' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({ given: z.boolean(), basis: plainText().min(3).max(500) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await recordConsent(ctxOf(app, request), actorOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  api.put(
    '/api/v1/rescue/cases/:id/repatriation',
    {
      config: { access: 'rescue.write' },
      schema: { tags, params: CaseParams, body: Repatriation, response: { 204: NoContent } },
    },
    async (request, reply) => {
      await updateRepatriation(ctxOf(app, request), actorOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  api.patch(
    '/api/v1/rescue/cases/:id/location',
    {
      config: { access: 'rescue.write' },
      schema: {
        tags,
        params: CaseParams,
        body: z.strictObject({
          compoundId: z.uuid().nullable().optional(),
          province: z.string().max(40).optional(),
          coordinates: z
            .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
            .optional(),
          floor: plainText().max(20).optional(),
          room: plainText().max(40).optional(),
          compoundName: plainText().max(200).optional(),
        }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { compoundId, ...location } = request.body;
      await updateLocation(ctxOf(app, request), actorOf(request), request.params.id, {
        compoundId,
        location,
      });
      return reply.code(204).send();
    },
  );
  api.get(
    '/api/v1/rescue/cases/:id/files/:fileId',
    {
      config: { access: 'rescue.read' },
      schema: {
        tags,
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        response: { 200: binaryResponse('The photo or video, as uploaded', uploadMimeTypes) },
      },
    },
    async (request, reply) => {
      const file = await readCaseFile(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.fileId,
      );
      return reply
        .type(file.mime)
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .send(file.data);
    },
  );
  api.get(
    '/api/v1/rescue/cases/:id/request.pdf',
    {
      config: { access: 'rescue.read' },
      schema: {
        tags,
        params: CaseParams,
        response: { 200: binaryResponse('The rescue request, as a PDF', ['application/pdf']) },
      },
    },
    async (request, reply) => {
      const pdf = await rescueRequestPdf(ctxOf(app, request), actorOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${pdf.filename}"`)
        .send(pdf.data);
    },
  );

  api.register(async (scoped: Api) => {
    scoped.addContentTypeParser(
      [...uploadMimeTypes],
      { parseAs: 'buffer', bodyLimit: videoLimitBytes },
      (_request, body, done) => done(null, body),
    );
    scoped.post(
      '/api/v1/rescue/cases/:id/files',
      {
        config: { access: 'rescue.write' },
        bodyLimit: videoLimitBytes,
        schema: {
          tags,
          params: CaseParams,
          querystring: z.object({ kind: z.enum(rescueFileKinds) }),
          response: { 201: StoredRescueFile },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new LiaisonError(
            'unsupported-media-type',
            'Send the file itself as the body, with its image or video type.',
          );
        const stored = await uploadCaseFile(
          ctxOf(app, request),
          actorOf(request),
          request.params.id,
          request.query.kind,
          request.headers['content-type'] ?? '',
          request.body,
        );
        return reply.code(201).send(stored);
      },
    );
  });
};
