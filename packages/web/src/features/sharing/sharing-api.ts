import type { CaseShareInput, CaseShareResult, CaseShareView } from '@liaison/core/exchange/schemas';
import { api } from '../../app/api.ts';

export type CaseShare = CaseShareView;

const base = '/api/v1/exchange/case-shares';

/** Typed calls for the case-share routes (server/exchange/routes.ts). */
export const sharingApi = {
  list: (caseId: string) => api.get<CaseShare[]>(base, { caseId }),
  share: (input: CaseShareInput) => api.post<CaseShareResult>(base, input),
  retract: (caseId: string, peer: string) =>
    api.delete<void>(`${base}/${encodeURIComponent(caseId)}/${encodeURIComponent(peer)}`),
};
