import type {
  Attachment,
  CaseDetail,
  CaseInputRaw,
  CaseListPage,
  CaseStatusChange,
  CaseView,
  Note,
  NoteRevision,
  Task,
  TimelineEvent,
} from '@liaison/core/cases/index';
import { api } from '../../app/api.ts';
import { ApiError, parseProblem } from '../../app/problem.ts';

/** The case routes' answers: core's response schemas (core/cases/case-views.ts). */
export type { CaseDetail, CaseListPage, CaseView };

/** The list's filters and sort as the address and saved views keep them (all strings, empty = unset). */
export interface CaseListFilter {
  q?: string;
  status?: string;
  priority?: string;
  crimeType?: string;
  agency?: string;
  assignee?: string;
  sort?: string;
  direction?: string;
}

const base = '/api/v1/cases';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Typed calls for the case routes (server/cases/routes). */
export const casesApi = {
  list: (filter: CaseListFilter, cursor?: string) =>
    api.get<CaseListPage>(base, { ...filter, cursor, limit: 50 }),
  create: (input: CaseInputRaw) => api.post<CaseView>(base, input),
  get: (id: string) => api.get<CaseDetail>(one(id)),
  changeStatus: (id: string, change: CaseStatusChange) => api.post<CaseView>(`${one(id)}/status`, change),
  addTask: (id: string, task: { title: string; assigneeId: string | null; dueDate: string | null }) =>
    api.post<Task>(`${one(id)}/tasks`, task),
  updateTask: (
    id: string,
    taskId: string,
    patch: Partial<Pick<Task, 'status' | 'title' | 'assigneeId' | 'dueDate'>>,
  ) => api.patch<Task>(`${one(id)}/tasks/${encodeURIComponent(taskId)}`, patch),
  deleteTask: (id: string, taskId: string) =>
    api.delete<void>(`${one(id)}/tasks/${encodeURIComponent(taskId)}`),
  addNote: (id: string, note: { body: string; language: string; format: 'markdown' }) =>
    api.post<Note>(`${one(id)}/notes`, note),
  editNote: (id: string, noteId: string, edit: { body: string; baseVersion: number }) =>
    api.put<Note>(`${one(id)}/notes/${encodeURIComponent(noteId)}`, edit),
  revisions: (id: string, noteId: string) =>
    api.get<NoteRevision[]>(`${one(id)}/notes/${encodeURIComponent(noteId)}/revisions`),
  addEvent: (id: string, event: { occurredAt: string; kind: string; text: string }) =>
    api.post<TimelineEvent>(`${one(id)}/timeline`, event),
  downloadUrl: (id: string, attachmentId: string) =>
    `${one(id)}/attachments/${encodeURIComponent(attachmentId)}/content`,
};

/**
 * Uploads one file with progress (fetch cannot report upload progress, XMLHttpRequest can). Resolves with the
 * stored attachment; rejects with an ApiError carrying the server's problem.
 */
export function uploadAttachment(
  caseId: string,
  file: File,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (file.type) form.append('mediaType', file.type);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${one(caseId)}/attachments`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Attachment);
      else reject(parseProblem(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network', title: 'The server could not be reached' }));
    xhr.send(form);
  });
}
