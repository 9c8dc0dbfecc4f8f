import { describe, expect, it } from 'vitest';
import { deleteView, filterFromParams, loadSavedViews, paramsFromFilter, saveView } from './saved-views.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('saved case-list views', () => {
  it('saves, replaces by name, and deletes views', () => {
    const storage = memoryStorage();
    saveView({ name: 'Open scams', filter: { status: 'open' } }, storage);
    saveView({ name: 'Open scams', filter: { status: 'open', priority: 'critical' } }, storage);
    expect(loadSavedViews(storage)).toEqual([
      { name: 'Open scams', filter: { status: 'open', priority: 'critical' } },
    ]);
    expect(deleteView('Open scams', storage)).toEqual([]);
  });

  it('reads a damaged store as no views', () => {
    const storage = memoryStorage();
    storage.setItem('liaison.cases.savedViews', '{not json');
    expect(loadSavedViews(storage)).toEqual([]);
  });

  it('round-trips a filter through the address, dropping empty keys', () => {
    const params = new URLSearchParams(paramsFromFilter({ q: 'bavet', status: '', sort: 'priority' }));
    expect(params.toString()).toBe('q=bavet&sort=priority');
    expect(filterFromParams(params)).toEqual({ q: 'bavet', sort: 'priority' });
  });
});
