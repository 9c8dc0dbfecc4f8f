import type { Actor } from '@liaison/core';
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
import { NoContent } from '@liaison/core/contract/responses';
import { z } from 'zod';
import type { AppContext, Ctx } from '../../context.ts';
import { actorOf, ctxOf } from '../../http/request-context.ts';
import type { Api, RouteModule } from '../../http/route-types.ts';
import { createNote, editNote, listNoteRevisions } from '../notes-service.ts';
import { CaseChildParams, CaseIdParams, NoteRevisions } from '../schemas.ts';
import { createTask, deleteTask, listTasks, updateTask } from '../tasks-service.ts';
import { addTimelineEvent, listTimeline } from '../timeline-service.ts';

const tags = ['cases'];
/** A note may be 200,000 characters of any script; JSON escaping can double that. Larger bodies get a 413. */
const noteBodyLimit = 2 * 1024 * 1024;

/**
 * `GET /api/v1/cases/:id/<part>` lists a part of a case (tasks, timeline events) and `POST` adds one (201): the
 * same access, parameters and answers for every part that is a plain list.
 */
function listAndAdd<Item extends z.ZodType, Input extends z.ZodType>(
  api: Api,
  app: AppContext,
  part: string,
  parts: {
    item: Item;
    input: Input;
    list: (ctx: Ctx, actor: Actor, caseId: string) => Promise<z.output<Item>[]>;
    add: (ctx: Ctx, actor: Actor, caseId: string, input: z.output<Input>) => Promise<z.output<Item>>;
  },
) {
  // Widened for the route options: the type provider cannot resolve a generic schema's types. `parts` ties
  // the schemas to the service's types where the routes are declared.
  const item: z.ZodType = parts.item;
  const input: z.ZodType = parts.input;
  api.get(
    `/api/v1/cases/:id/${part}`,
    {
      config: { access: 'cases.read' },
      schema: { tags, params: CaseIdParams, response: { 200: z.array(item) } },
    },
    async (request) => parts.list(ctxOf(app, request), actorOf(request), request.params.id),
  );
  api.post(
    `/api/v1/cases/:id/${part}`,
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseIdParams, body: input, response: { 201: item } },
    },
    async (request, reply) => {
      // `input` parsed the body, so it is of `parts.input`'s type.
      const body = request.body as z.output<Input>;
      return reply
        .code(201)
        .send(await parts.add(ctxOf(app, request), actorOf(request), request.params.id, body));
    },
  );
}

/** Tasks, notes and the timeline of a case. */
export const casePartRoutes: RouteModule = (api, app) => {
  listAndAdd(api, app, 'tasks', { item: Task, input: TaskInput, list: listTasks, add: createTask });
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
    {
      config: { access: 'cases.write' },
      schema: { tags, params: CaseChildParams, response: { 204: NoContent } },
    },
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

  listAndAdd(api, app, 'timeline', {
    item: TimelineEvent,
    input: TimelineEventInput,
    list: listTimeline,
    add: addTimelineEvent,
  });
};
