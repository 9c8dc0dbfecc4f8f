import type {
  CaseEntity,
  CaseRoleChanged,
  ChartAnalysis,
  CreatedEntity,
  EntityPage,
  ExtractedProposal,
  GraphExpansion,
  GraphPath,
  LinkView,
  PersonCandidateView,
  PersonMatchDecided,
  SavedChart,
} from '@liaison/core/graph/index';
import { api, request } from '../../app/api.ts';

// The server's answers are core's response schemas (core/graph/*-views.ts): no copies here.

export interface ExpandQuery {
  ids: string[];
  hops: number;
  types?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const list = (values: readonly string[] | undefined) => (values?.length ? values.join(',') : undefined);

export const graphApi = {
  entityPage: (id: string) => api.get<EntityPage>(`/api/v1/entities/${id}`),
  createEntity: (input: Record<string, unknown>) => api.post<CreatedEntity>('/api/v1/entities', input),
  updateEntity: (id: string, body: { version: number; properties: Record<string, unknown> }) =>
    api.patch<CreatedEntity>(`/api/v1/entities/${id}`, body),
  deleteEntity: (id: string, version: number, reason?: string) =>
    request<null>('DELETE', `/api/v1/entities/${id}`, { query: { version, reason: reason || undefined } }),
  removeFromCase: (caseId: string, entityId: string) =>
    api.delete<null>(`/api/v1/cases/${caseId}/entities/${entityId}`),
  changeRole: (caseId: string, entityId: string, input: { role: string; reason: string }) =>
    api.post<CaseRoleChanged>(`/api/v1/cases/${caseId}/entities/${entityId}/role`, input),
  createLink: (input: Record<string, unknown>) => api.post<LinkView>('/api/v1/links', input),
  deleteLink: (id: string) => api.delete<null>(`/api/v1/links/${id}`),
  caseEntities: (caseId: string) => api.get<CaseEntity[]>(`/api/v1/cases/${caseId}/entities`),
  extract: (text: string) => api.post<ExtractedProposal[]>('/api/v1/extract', { text }),
  addBulk: (caseId: string, entities: Record<string, unknown>[]) =>
    api.post<CreatedEntity[]>(`/api/v1/cases/${caseId}/entities/bulk`, { entities }),
  personCandidates: (id: string) =>
    api.get<PersonCandidateView[]>(`/api/v1/entities/${id}/person-candidates`),
  decidePersonMatch: (input: {
    entityId: string;
    candidateId: string;
    decision: 'confirmed' | 'rejected';
    reason: string;
  }) => api.post<PersonMatchDecided>('/api/v1/person-matches', input),
  expand: (query: ExpandQuery) =>
    api.get<GraphExpansion>('/api/v1/graph/expand', {
      ids: query.ids.join(','),
      hops: query.hops,
      types: list(query.types),
      from: query.from,
      to: query.to,
    }),
  path: (from: string, to: string) => api.get<GraphPath>('/api/v1/graph/path', { from, to }),
  analyse: (nodeIds: string[]) => api.post<ChartAnalysis>('/api/v1/graph/analyse', { nodeIds, top: 10 }),
  charts: () => api.get<SavedChart[]>('/api/v1/charts'),
  chart: (id: string) => api.get<SavedChart>(`/api/v1/charts/${id}`),
  saveChart: (input: { name: string; nodeIds: string[]; positions: SavedChart['positions'] }) =>
    api.post<SavedChart>('/api/v1/charts', input),
};
