import type {
  DecisionInput,
  FollowUp,
  FollowUpInput,
  LogEntry,
  LogEntryInput,
  OperationDetail,
  OperationInputRaw,
  OperationList,
} from '@liaison/core/operations/schemas';
import type { OperationStats } from '@liaison/core/operations/stats';
import { api } from '../../app/api.ts';

type Raw<T> = { [K in keyof T]?: unknown } & Partial<T>;

export const operationsApi = {
  list: () => api.get<OperationList>('/api/v1/operations'),
  get: (id: string) => api.get<OperationDetail>(`/api/v1/operations/${id}`),
  create: (body: OperationInputRaw) => api.post<OperationDetail>('/api/v1/operations', body),
  decide: (id: string, body: Raw<DecisionInput>) =>
    api.post<OperationDetail>(`/api/v1/operations/${id}/decision`, body),
  log: (id: string, body: Raw<LogEntryInput>) => api.post<LogEntry>(`/api/v1/operations/${id}/log`, body),
  complete: (id: string, summary: string, version: number) =>
    api.post<OperationDetail>(`/api/v1/operations/${id}/complete`, { summary, version }),
  followUp: (id: string, body: Raw<FollowUpInput>) =>
    api.post<FollowUp>(`/api/v1/operations/${id}/follow-ups`, body),
  stats: () => api.get<OperationStats>('/api/v1/operations/stats'),
};
