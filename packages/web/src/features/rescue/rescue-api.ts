import { api } from '../../app/api.ts';
import { parseProblem } from '../../app/problem.ts';

export interface StageClock {
  next: string;
  dueAt: string;
  overdue: boolean;
  overdueByMs: number;
}

export interface BoardItem {
  id: string;
  reference: string;
  state: string;
  riskLevel: string;
  reportedAt: string;
  stateEnteredAt: string;
  channel: string;
  province: string | null;
  compoundName: string | null;
  clock: StageClock | null;
  escalated: boolean;
  onTeam: boolean;
}

export interface RescuePerson {
  namesHangul?: string[];
  namesLatin?: string[];
  birthDate?: string;
  passportNumber?: string;
  phone?: string;
  telegram?: string;
  kakaotalk?: string;
}

export interface RescueCaseView {
  id: string;
  reference: string;
  state: string;
  stateEnteredAt: string;
  nextStates: string[];
  clock: StageClock | null;
  escalated: boolean;
  mergedInto: string | null;
  risk: {
    level: string;
    assessment: { level: string; reasons: { text: string }[] };
    override: { level: string; reason: string } | null;
  };
  person: RescuePerson;
  personRole: string;
  nonPunishment: boolean;
  consent: { given: boolean; basis: string | null };
  location: {
    compoundName?: string;
    province?: string;
    floor?: string;
    room?: string;
    coordinates?: { lat: number; lon: number };
  };
  compound: { id: string; name: string } | null;
  identifiers: { kind: string; display: string; source: string }[];
  repatriationProgress: { doneCount: number; total: number; next: string | null };
  access: string;
  reports: {
    id: string;
    channel: string;
    narrative: string;
    createdAt: string;
    reporter: { relation: string };
  }[];
  history: {
    id: string;
    at: string;
    kind: string;
    from: string | null;
    to: string | null;
    reason: string | null;
    by: string;
  }[];
  team: { userId: string; displayName: string; agencyCode: string }[];
  files: { id: string; kind: string; mime: string }[];
}

export interface DuplicateCandidate {
  caseId: string;
  reference: string;
  state: string;
  verdict: string;
  score: number;
  reasons: string[];
  sharedKeys: string[];
}

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
  board: () => api.get<BoardItem[]>('/api/v1/rescue/board'),
  stats: () => api.get<Record<string, unknown>>('/api/v1/rescue/stats'),
  duplicates: (id: string) => api.get<DuplicateCandidate[]>(`/api/v1/rescue/cases/${id}/duplicates`),
  transition: (id: string, to: string, reason?: string) =>
    api.post(`/api/v1/rescue/cases/${id}/transitions`, { to, ...(reason && { reason }) }),
  merge: (id: string, sourceCaseId: string, reason: string) =>
    api.post(`/api/v1/rescue/cases/${id}/merge`, { sourceCaseId, reason }),
  join: (id: string, userId: string) => api.post(`/api/v1/rescue/cases/${id}/team`, { userId }),
  overrideRisk: (id: string, level: string, reason: string) =>
    api.post(`/api/v1/rescue/cases/${id}/risk-override`, { level, reason }),
};
