import { api } from '../../app/api.ts';

/** One side of a hit: described when the viewer may see it, otherwise only whose it is. */
export type HitSide =
  | { restricted: true; ownerAgency: string }
  | {
      restricted: false;
      ownerAgency: string;
      entity: { id: string; type: string; caption: string };
      case: { id: string; number: string; title: string; ownerAgency: string } | null;
    };

export interface Hit {
  id: string;
  kind: string;
  value: string | null;
  raisedAt: string;
  sides: [HitSide, HitSide];
}

export interface AccessRequest {
  id: string;
  hitId: string;
  direction: 'incoming' | 'outgoing';
  reason: string;
  status: string;
  requesterAgency: string;
  requesterName: string;
  ownerAgency: string;
  createdAt: string;
}

export const hitsApi = {
  list: (filter: { caseId?: string; entityId?: string } = {}) => api.get<Hit[]>('/api/v1/hits', filter),
  requestAccess: (hitId: string, reason: string) =>
    api.post<{ id: string; status: string }>(`/api/v1/hits/${hitId}/access-requests`, { reason }),
  accessRequests: () => api.get<AccessRequest[]>('/api/v1/access-requests'),
  decide: (id: string, decision: 'granted' | 'refused') =>
    api.post<{ id: string; status: string }>(`/api/v1/access-requests/${id}/decision`, { decision }),
};
