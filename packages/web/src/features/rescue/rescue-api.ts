import type { CompoundListItem } from '@liaison/core/compounds/compound-schema';
import type {
  DuplicateCandidate,
  DuplicateReviewRequested,
  RepatriationView,
  RescueBoardItem,
  RescueCasesMerged,
  RescueCaseView,
  RescueStats,
  ScreeningResult,
  StoredRescueFile,
  TriageQueueItem,
  TriageTaken,
} from '@liaison/core/rescue/index';
import { api } from '../../app/api.ts';
import { parseProblem } from '../../app/problem.ts';

/** Reads a case, stating a purpose when the user is not on its team (sent as X-Liaison-Purpose, audited). */
export async function readRescueCase(id: string, purpose: string | null): Promise<RescueCaseView> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (purpose) headers['x-liaison-purpose'] = encodeURIComponent(purpose);
  const response = await fetch(`/api/v1/rescue/cases/${id}`, { headers, credentials: 'same-origin' });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw parseProblem(response.status, body);
  return body as RescueCaseView;
}

export const rescueApi = {
  board: () => api.get<RescueBoardItem[]>('/api/v1/rescue/board'),
  stats: () => api.get<RescueStats>('/api/v1/rescue/stats'),
  duplicates: (id: string) => api.get<DuplicateCandidate[]>(`/api/v1/rescue/cases/${id}/duplicates`),
  triageQueue: () => api.get<TriageQueueItem[]>('/api/v1/rescue/triage'),
  take: (id: string) => api.post<TriageTaken>(`/api/v1/rescue/cases/${id}/take`),
  /** `confirmIncomplete` once the officer has seen which steps the state means are not on record. */
  transition: (id: string, to: string, reason?: string, confirmIncomplete?: boolean) =>
    api.post<RescueCaseView>(`/api/v1/rescue/cases/${id}/transitions`, {
      to,
      ...(reason && { reason }),
      ...(confirmIncomplete && { confirmIncomplete: true }),
    }),
  merge: (id: string, sourceCaseId: string, reason: string) =>
    api.post<RescueCasesMerged>(`/api/v1/rescue/cases/${id}/merge`, { sourceCaseId, reason }),
  join: (id: string, userId: string) => api.post(`/api/v1/rescue/cases/${id}/team`, { userId }),
  overrideRisk: (id: string, level: string, reason: string) =>
    api.post(`/api/v1/rescue/cases/${id}/risk-override`, { level, reason }),
  screening: (id: string, body: { answers: Record<string, string>; notes?: string }) =>
    api.post<ScreeningResult>(`/api/v1/rescue/cases/${id}/screening`, body),
  role: (id: string, role: string, reason: string) =>
    api.post(`/api/v1/rescue/cases/${id}/role`, { role, reason }),
  nonPunishment: (id: string, flag: boolean, reason: string) =>
    api.post(`/api/v1/rescue/cases/${id}/non-punishment`, { flag, reason }),
  consent: (id: string, given: boolean, basis: string) =>
    api.post(`/api/v1/rescue/cases/${id}/consent`, { given, basis }),
  repatriation: (id: string, body: RepatriationView) =>
    api.put(`/api/v1/rescue/cases/${id}/repatriation`, body),
  location: (id: string, body: Record<string, unknown>) =>
    api.patch(`/api/v1/rescue/cases/${id}/location`, body),
  compounds: () => api.get<CompoundListItem[]>('/api/v1/compounds'),
  reviewRequest: (id: string, otherId: string) =>
    api.post<DuplicateReviewRequested>(`/api/v1/rescue/cases/${id}/duplicates/${otherId}/review-request`),
};

/**
 * Uploads one file as the raw body (the server checks its first bytes), reporting progress; rejects with the
 * server's problem on failure so the caller can offer a retry.
 */
export async function uploadCaseFile(
  caseId: string,
  kind: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<StoredRescueFile> {
  const me = await api.get<{ csrfToken: string }>('/api/v1/me');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/rescue/cases/${caseId}/files?kind=${encodeURIComponent(kind)}`);
    xhr.setRequestHeader('content-type', file.type);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('x-csrf-token', me.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as StoredRescueFile);
      else reject(parseProblem(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(parseProblem(0, { code: 'network', title: 'The server could not be reached' }));
    xhr.send(file);
  });
}
