import { api } from '../../app/api.ts';

export interface SearchResults {
  query: string;
  identifierReadings: string[];
  entities: Array<{
    id: string;
    type: string;
    caption: string;
    ownerAgency: string;
    createdAt: string;
    match: { kind: 'identifier' | 'name'; detail: string };
  }>;
  cases: Array<{
    id: string;
    number: string;
    title: string;
    status: string;
    ownerAgency: string;
    createdAt: string;
  }>;
}

export interface SearchFilter {
  q: string;
  type?: string | undefined;
  agency?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const searchApi = {
  search: (filter: SearchFilter) => api.get<SearchResults>('/api/v1/search', { ...filter }),
};
