import type { NormalisedIdentifier } from '@liaison/core/identifiers/index';
import { api, request } from '../../app/api.ts';

/** An entity as the server presents it (entities/entity-presenter.ts). */
export interface EntityView {
  id: string;
  type: string;
  caption: string;
  properties: Record<string, unknown>;
  ownerAgency: string;
  tlp: string;
  handlingCode: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RoleChange {
  role: string;
  reason: string;
  changedBy: string;
  changedAt: string;
}

export interface LinkView {
  id: string;
  type: string;
  sourceId: string;
  targetId: string;
  properties: Record<string, unknown>;
  validFrom?: string;
  validTo?: string;
  confidence?: number;
  createdAt: string;
}

export interface IdentifierView {
  kind: string;
  value: string;
  raw: string;
  display: string;
  valid: boolean;
  problem?: string;
  /** What the normaliser assumed (countryAssumed, key 'digits', platformAssumed…): see identifier-notes.ts. */
  details?: Record<string, string>;
  property: string;
}

export interface EntityPage {
  entity: EntityView;
  identifiers: IdentifierView[];
  cases: Array<{
    id: string;
    number: string;
    title: string;
    status: string;
    ownerAgency: string;
    role: string | null;
    roleHistory: RoleChange[] | null;
  }>;
  neighbours: Array<{ link: LinkView; entity: EntityView }>;
  restrictedNeighbourCount: number;
}

export interface CaseEntity {
  entity: EntityView;
  role: string | null;
  roleHistory: RoleChange[] | null;
  addedAt: string;
}

export interface CreatedEntity {
  entity: EntityView;
  identifiers: Array<Pick<IdentifierView, 'kind' | 'raw' | 'value' | 'display' | 'valid' | 'problem'>>;
  hits: Array<{ id: string; kind: string }>;
}

export interface PersonCandidate {
  entity: { id: string; caption: string; ownerAgency: string };
  score: number;
  verdict: 'strong' | 'possible' | 'weak' | 'conflict';
  reasons: Array<{ factor: string; effect: number; text: string }>;
  decision: { decision: 'confirmed' | 'rejected'; reason: string; decidedAt: string } | null;
}

export interface ExtractedIdentifier {
  identifier: NormalisedIdentifier;
  start: number;
  end: number;
  proposal: Record<string, unknown> | null;
}

export interface ChartNode {
  id: string;
  type: string;
  caption: string;
  ownerAgency: string;
  hop?: number;
}

export interface ChartEdge {
  id: string;
  type: string;
  sourceId: string;
  targetId: string;
}

export interface Subgraph {
  nodes: ChartNode[];
  edges: ChartEdge[];
  truncated?: boolean;
}

export interface Analysis {
  communities: Record<string, number>;
  central: Array<{ id: string; degree: number; betweenness: number }>;
}

export interface SavedChart {
  id: string;
  name: string;
  nodeIds: string[];
  positions: Record<string, { x: number; y: number }>;
  createdAt: string;
  updatedAt: string;
}

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
    api.post<{ role: string; history: RoleChange[] }>(
      `/api/v1/cases/${caseId}/entities/${entityId}/role`,
      input,
    ),
  deleteLink: (id: string) => api.delete<null>(`/api/v1/links/${id}`),
  caseEntities: (caseId: string) => api.get<CaseEntity[]>(`/api/v1/cases/${caseId}/entities`),
  extract: (text: string) => api.post<ExtractedIdentifier[]>('/api/v1/extract', { text }),
  addBulk: (caseId: string, entities: Record<string, unknown>[]) =>
    api.post<CreatedEntity[]>(`/api/v1/cases/${caseId}/entities/bulk`, { entities }),
  personCandidates: (id: string) => api.get<PersonCandidate[]>(`/api/v1/entities/${id}/person-candidates`),
  decidePersonMatch: (input: {
    entityId: string;
    candidateId: string;
    decision: 'confirmed' | 'rejected';
    reason: string;
  }) => api.post<{ id: string; linkId: string | null }>('/api/v1/person-matches', input),
  expand: (query: ExpandQuery) =>
    api.get<Subgraph>('/api/v1/graph/expand', {
      ids: query.ids.join(','),
      hops: query.hops,
      types: list(query.types),
      from: query.from,
      to: query.to,
    }),
  path: (from: string, to: string) =>
    api.get<Subgraph & { found: boolean }>('/api/v1/graph/path', { from, to }),
  analyse: (nodeIds: string[]) => api.post<Analysis>('/api/v1/graph/analyse', { nodeIds, top: 10 }),
  charts: () => api.get<SavedChart[]>('/api/v1/charts'),
  chart: (id: string) => api.get<SavedChart>(`/api/v1/charts/${id}`),
  saveChart: (input: { name: string; nodeIds: string[]; positions: SavedChart['positions'] }) =>
    api.post<SavedChart>('/api/v1/charts', input),
};
