import type { CaseListFilter } from './cases-api.ts';

export interface SavedView {
  name: string;
  filter: CaseListFilter;
}

const storageKey = 'liaison.cases.savedViews';

/** The user's saved case-list views, on this device (localStorage); a damaged entry reads as none. */
export function loadSavedViews(storage: Pick<Storage, 'getItem'> = localStorage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView =>
        typeof v?.name === 'string' && typeof v?.filter === 'object' && v.filter !== null,
    );
  } catch {
    return [];
  }
}

/** Saves a view under its name, replacing one of the same name; returns the new list. */
export function saveView(
  view: SavedView,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): SavedView[] {
  const views = [...loadSavedViews(storage).filter((v) => v.name !== view.name), view].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  storage.setItem(storageKey, JSON.stringify(views));
  return views;
}

export function deleteView(
  name: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): SavedView[] {
  const views = loadSavedViews(storage).filter((v) => v.name !== name);
  storage.setItem(storageKey, JSON.stringify(views));
  return views;
}

/** The filter kept in the address bar: only set keys, so links stay short and shareable. */
export function filterFromParams(params: URLSearchParams): CaseListFilter {
  const keys: (keyof CaseListFilter)[] = [
    'q',
    'status',
    'priority',
    'crimeType',
    'agency',
    'assignee',
    'sort',
    'direction',
  ];
  const filter: CaseListFilter = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

export function paramsFromFilter(filter: CaseListFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => typeof value === 'string' && value !== ''),
  );
}
