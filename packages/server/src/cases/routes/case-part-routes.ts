import {
  Note,
  NoteEdit,
  NoteInput,
  Task,
  TaskInput,
  TaskPatch,
  TimelineEvent,
  TimelineEventInput,
} from '@liaison/core/cases/index';
import { z } from 'zod';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { RouteModule } from '../../http/route-types.ts';
import { createNote, editNote, listNoteRevisions } from '../notes-service.ts';
import { CaseChildParams, CaseIdParams, NoteRevisions } from '../schemas.ts';
import { createTask, deleteTask, listTasks, updateTask } from '../tasks-service.ts';
import { addTimelineEvent, listTimeline } from '../timeline-service.ts';

const tags = ['cases'];
/** A note may be 200,000 characters of any script; JSON escaping can double that. Larger bodies get a 413. */
const noteBodyLimit = 2 * 1024 * 1024;

/** Tasks, notes and the timeline of a case. */
export const casePartRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/cases/:id/tasks',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: CaseIdParams, response: { 200: z.array(Task) } },
    },
    async (request) => listTasks(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/cases/:id/tasks',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseIdParams, body: TaskInput, response: { 201: Task } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createTask(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/api/v1/cases/:id/tasks/:childId',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseChildParams, body: TaskPatch, response: { 200: Task } },
    },
    async (request) =>
      updateTask(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.childId,
        request.body,
      ),
  );
  api.delete(
    '/api/v1/cases/:id/tasks/:childId',
    { config: { access: 'cases.write' }, schema: { tags, params: CaseChildParams } },
    async (request, reply) => {
      await deleteTask(ctxOf(app, request), actorOf(request), request.params.id, request.params.childId);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/v1/cases/:id/notes',
    {
      bodyLimit: noteBodyLimit,
      config: { access: 'cases.write' },
      schema: { tags, params: CaseIdParams, body: NoteInput, response: { 201: Note } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createNote(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );
  api.put(
    '/api/v1/cases/:id/notes/:childId',
    {
      bodyLimit: noteBodyLimit,
      config: { access: 'cases.write' },
      schema: { tags, params: CaseChildParams, body: NoteEdit, response: { 200: Note } },
    },
    async (request) =>
      editNote(
        ctxOf(app, request),
        actorOf(request),
        request.params.id,
        request.params.childId,
        request.body,
      ),
  );
  api.get(
    '/api/v1/cases/:id/notes/:childId/revisions',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: CaseChildParams, response: { 200: NoteRevisions } },
    },
    async (request) =>
      listNoteRevisions(ctxOf(app, request), actorOf(request), request.params.id, request.params.childId),
  );

  api.get(
    '/api/v1/cases/:id/timeline',
    {
      config: { access: 'cases.read' },
      schema: { tags, params: CaseIdParams, response: { 200: z.array(TimelineEvent) } },
    },
    async (request) => listTimeline(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    '/api/v1/cases/:id/timeline',
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseIdParams, body: TimelineEventInput, response: { 201: TimelineEvent } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addTimelineEvent(ctxOf(app, request), actorOf(request), request.params.id, request.body)),
  );
};
