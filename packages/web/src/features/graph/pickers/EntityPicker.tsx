import type { SearchResults } from '@liaison/core/search/search-results';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { entityTypeLabel } from '../labels.ts';
import { type PickerOption, SearchPicker } from './SearchPicker.tsx';

/** A picked entity: its id, name and type (what a link form needs to know about its other end). */
export interface PickedEntity extends PickerOption {
  type: string;
  ownerAgency: string;
}

/**
 * Picks an entity by name or identifier through the search the search page uses (so only what the officer may
 * see); `types` keeps the entity types that fit (e.g. a link's possible targets), `exclude` leaves one out.
 */
export function EntityPicker({
  types,
  exclude,
  value,
  onChange,
  ...frame
}: {
  label: string;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  types?: readonly string[] | undefined;
  exclude?: string | undefined;
  value: PickedEntity | null;
  onChange(value: PickedEntity | null): void;
}) {
  const { i18n } = useTranslation('graph');
  const language = i18n.language;
  const typeKey = types?.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: typeKey stands for the types array's content
  const search = useCallback(
    async (q: string): Promise<PickedEntity[]> => {
      const only = types?.length === 1 ? types[0] : undefined;
      const found = await api.get<SearchResults>('/api/v1/search', { q, type: only, limit: 25 });
      return found.entities
        .filter((e) => (!types || types.includes(e.type)) && e.id !== exclude)
        .map((e) => ({
          id: e.id,
          type: e.type,
          ownerAgency: e.ownerAgency,
          label: e.caption,
          detail: `${entityTypeLabel(e.type, language)} · ${e.ownerAgency}`,
        }));
    },
    [typeKey, exclude, language],
  );
  return (
    <SearchPicker
      {...frame}
      value={value}
      onChange={(option) => onChange(option as PickedEntity | null)}
      search={search}
    />
  );
}
