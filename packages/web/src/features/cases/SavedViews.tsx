import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListFilter } from './cases-api.ts';
import { deleteView, loadSavedViews, type SavedView, saveView } from './saved-views.ts';

/** Named filter sets kept on this device; opening one applies it. */
export function SavedViews({
  current,
  onOpen,
}: {
  current: CaseListFilter;
  onOpen: (filter: CaseListFilter) => void;
}) {
  const { t } = useTranslation('cases');
  const nameId = useId();
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews());
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setViews(saveView({ name: name.trim(), filter: current }));
    setName('');
  };
  return (
    <section className="saved-views" aria-label={t('list.savedViews')}>
      <h3 className="subheading">{t('list.savedViews')}</h3>
      {views.length === 0 && <p className="muted">{t('list.noViews')}</p>}
      <ul className="plain-list">
        {views.map((view) => (
          <li key={view.name}>
            <button type="button" className="link-button" onClick={() => onOpen(view.filter)}>
              {view.name}
            </button>{' '}
            <button
              type="button"
              className="button button-quiet"
              aria-label={t('list.deleteView', { name: view.name })}
              onClick={() => setViews(deleteView(view.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit}>
        <label htmlFor={nameId}>{t('list.viewName')}</label>{' '}
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />{' '}
        <button type="submit" className="button">
          {t('list.saveView')}
        </button>
      </form>
    </section>
  );
}
