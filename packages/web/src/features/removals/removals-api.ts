import type {
  EscortOfficer,
  EscortProposal,
  FlightProposal,
  RemovalListItem,
  RemovalView,
} from '@liaison/core/fugitives/removal-schemas';
import type { FugitiveList } from '@liaison/core/fugitives/schemas';
import { api } from '../../app/api.ts';

const base = '/api/v1/removals';

/** The removal planning API (server/src/fugitives/removal/removal-routes.ts). */
export const removalsApi = {
  list: (fugitiveId?: string) => api.get<RemovalListItem[]>(base, { fugitiveId }),
  get: (id: string) => api.get<RemovalView>(`${base}/${id}`),
  create: (body: unknown) => api.post<RemovalView>(base, body),
  addSuspects: (id: string, fugitiveIds: string[]) =>
    api.post<RemovalView>(`${base}/${id}/suspects`, {
      suspects: fugitiveIds.map((fugitiveId) => ({ fugitiveId })),
    }),
  removeSuspect: (id: string, suspectId: string) =>
    api.delete<RemovalView>(`${base}/${id}/suspects/${suspectId}`),
  assign: (id: string, suspectId: string, flightId: string | null, seat?: string | null) =>
    api.put<RemovalView>(`${base}/${id}/suspects/${suspectId}/flight`, {
      flightId,
      ...(seat ? { seat } : {}),
    }),
  addFlight: (id: string, body: unknown) => api.post<RemovalView>(`${base}/${id}/flights`, body),
  removeFlight: (id: string, flightId: string) =>
    api.delete<RemovalView>(`${base}/${id}/flights/${flightId}`),
  addEscorts: (id: string, escorts: unknown[]) => api.post<RemovalView>(`${base}/${id}/escorts`, { escorts }),
  addMembers: (id: string, members: unknown[]) => api.post<RemovalView>(`${base}/${id}/members`, { members }),
  removeMember: (id: string, memberId: string) =>
    api.delete<RemovalView>(`${base}/${id}/members/${memberId}`),
  proposeFlights: (id: string, mode: 'auto' | 'commercial') =>
    api.post<FlightProposal>(`${base}/${id}/proposal`, { mode }),
  proposeEscorts: (id: string, pool: string[]) =>
    api.post<EscortProposal>(`${base}/${id}/escort-proposal`, { pool }),
  officers: () => api.get<EscortOfficer[]>(`${base}/escort-officers`),
  confirm: (id: string) => api.post<RemovalView>(`${base}/${id}/confirm`),
  reopen: (id: string) => api.post<RemovalView>(`${base}/${id}/reopen`),
  board: (id: string, suspectId: string, body: unknown) =>
    api.post<RemovalView>(`${base}/${id}/suspects/${suspectId}/boarding`, body),
  handover: (id: string, body: unknown) => api.post<RemovalView>(`${base}/${id}/handover`, body),
  manifestUrl: (id: string, format: 'pdf' | 'csv') => `${base}/${id}/manifest.${format}`,
  /** Fugitives to pick from: the register's own list (its need-to-know applies). */
  fugitives: (q: string) => api.get<FugitiveList>('/api/v1/fugitives', { q, limit: 100, status: undefined }),
};
