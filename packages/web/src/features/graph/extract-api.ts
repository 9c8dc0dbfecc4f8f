import type { CaseEntityPlacement, ExtractedProposal } from '@liaison/core/graph/index';
import { api } from '../../app/api.ts';

// The case page's paste-to-extract path: what the text holds (with the records already carrying each
// identifier), and an existing record placed in the case instead of a duplicate.
export const extractApi = {
  extract: (text: string, caseId: string) =>
    api.post<ExtractedProposal[]>('/api/v1/extract', { text, caseId }),
  addExisting: (caseId: string, entityId: string) =>
    api.post<CaseEntityPlacement>(`/api/v1/cases/${caseId}/entities`, { entityId }),
};
