import type {
  AccessRequest,
  AccessRequestCreated,
  AccessRequestDecided,
  Hit,
} from '@liaison/core/graph/index';
import { api } from '../../app/api.ts';

// The server's answers are core's response schemas (core/graph/correlation-views.ts).

export const hitsApi = {
  list: (filter: { caseId?: string; entityId?: string } = {}) => api.get<Hit[]>('/api/v1/hits', filter),
  requestAccess: (hitId: string, reason: string) =>
    api.post<AccessRequestCreated>(`/api/v1/hits/${hitId}/access-requests`, { reason }),
  accessRequests: () => api.get<AccessRequest[]>('/api/v1/access-requests'),
  decide: (id: string, decision: 'granted' | 'refused') =>
    api.post<AccessRequestDecided>(`/api/v1/access-requests/${id}/decision`, { decision }),
};
