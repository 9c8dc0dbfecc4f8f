import type { FlagStatus, FugitiveFlag, FugitiveFlagList } from '@liaison/core/fugitives/flag-schemas';
import { api } from '../../app/api.ts';

// The server's answers are core's response schemas (core/fugitives/flag-schemas.ts).

export interface PartnerNotice {
  id: string;
  peer: string;
  receivedAt: string;
  records: { entityId: string; label: string | null }[];
  fugitiveReference: string | null;
}

export const flagsApi = {
  list: (status: FlagStatus = 'open') => api.get<FugitiveFlagList>('/api/v1/fugitive-flags', { status }),
  get: (id: string) => api.get<FugitiveFlag>(`/api/v1/fugitive-flags/${id}`),
  dismiss: (id: string, reason: string) =>
    api.post<FugitiveFlag>(`/api/v1/fugitive-flags/${id}/dismiss`, { reason }),
  confirm: (id: string) => api.post<FugitiveFlag>(`/api/v1/fugitive-flags/${id}/confirm`, {}),
  notices: () => api.get<{ notices: PartnerNotice[] }>('/api/v1/fugitive-flags/partner-notices'),
};

/** The live event types the flag sends (server fugitives/flag: flag-raise.ts, partner-notice.ts). */
export const flagEventTypes = ['fugitive.flag', 'fugitive.flag.notice'] as const;
