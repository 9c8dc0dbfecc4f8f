import type {
  Fugitive,
  FugitiveDetail,
  FugitiveFile,
  FugitiveInputRaw,
  FugitiveList,
  FugitivePatch,
  FugitiveStep,
  FugitiveStepInputRaw,
  Sighting,
  SightingInputRaw,
} from '@liaison/core/fugitives/schemas';
import { api } from '../../app/api.ts';
import { ApiError, parseProblem } from '../../app/problem.ts';

/** The list's filters as the address keeps them (strings; empty = unset). */
export interface FugitiveListFilter {
  q?: string;
  status?: string;
  warrant?: string;
  stalled?: string;
  scope?: string;
}

const base = '/api/v1/fugitives';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Typed calls for the register's routes (server/fugitives/fugitives-routes.ts). */
export const fugitivesApi = {
  list: (filter: FugitiveListFilter, offset = 0) =>
    api.get<FugitiveList>(base, { ...filter, offset, limit: 50 }),
  create: (input: FugitiveInputRaw) => api.post<Fugitive>(base, input),
  get: (id: string) => api.get<FugitiveDetail>(one(id)),
  update: (id: string, patch: FugitivePatch) => api.patch<Fugitive>(one(id), patch),
  addStep: (id: string, step: FugitiveStepInputRaw) => api.post<FugitiveStep>(`${one(id)}/steps`, step),
  addSighting: (id: string, sighting: SightingInputRaw) =>
    api.post<Sighting>(`${one(id)}/sightings`, sighting),
  verifySighting: (id: string, sightingId: string, verification: 'confirmed' | 'discounted', note?: string) =>
    api.patch<Sighting>(`${one(id)}/sightings/${encodeURIComponent(sightingId)}`, {
      verification,
      ...(note ? { note } : {}),
    }),
  fileUrl: (id: string, fileId: string) => `${one(id)}/files/${encodeURIComponent(fileId)}/content`,
};

/** Uploads a photo or document; rejects with the server's problem. */
export function uploadFugitiveFile(
  id: string,
  kind: 'photo' | 'document',
  file: File,
  csrfToken: string,
): Promise<FugitiveFile> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (file.type) form.append('mediaType', file.type);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${one(id)}/files?kind=${kind}`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as FugitiveFile);
      else reject(parseProblem(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network', title: 'The server could not be reached' }));
    xhr.send(form);
  });
}
