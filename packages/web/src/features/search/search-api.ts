import type { SearchResults } from '@liaison/core/search/search-results';
import { api } from '../../app/api.ts';

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
