import { caseSortFields, caseStatuses, crimeTaxonomy, priorities } from '@liaison/core/cases/index';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan, useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { crimeTypeLabel, priorityTone, statusTone } from './case-labels.ts';
import { type CaseListFilter, type CaseView, casesApi } from './cases-api.ts';
import { MarkingsBadges } from './MarkingsBadges.tsx';
import { SavedViews } from './SavedViews.tsx';
import { filterFromParams, paramsFromFilter } from './saved-views.ts';

/** Cases the user may see, with filters and sort kept in the address, and "load more" by cursor. */
export function CaseListPage() {
  const { t, i18n } = useTranslation('cases');
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = params.toString();
  const [cases, setCases] = useState<CaseView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (current: CaseListFilter, after?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await casesApi.list(current, after);
      setCases((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filterFromParams(new URLSearchParams(filterKey)));
  }, [filterKey, load]);

  const apply = (next: CaseListFilter) => setParams(paramsFromFilter(next));

  return (
    <div className="page">
      <PageHeader title={t('list.title')}>
        {can('cases.write') && (
          <Link className="button button-primary" to="new">
            {t('list.create')}
          </Link>
        )}
      </PageHeader>
      <Panel title={t('list.filters')}>
        <CaseFilters key={filterKey} initial={filter} onApply={apply} />
        <SavedViews current={filter} onOpen={apply} />
      </Panel>
      <Panel
        title={t('list.title')}
        actions={<span className="count">{t('list.shown', { count: cases.length })}</span>}
      >
        <ProblemNotice error={error} />
        {!loading && !error && cases.length === 0 && <EmptyState />}
        {cases.length > 0 && (
          <table className="table" data-testid="case-list">
            <thead>
              <tr>
                <th scope="col">{t('list.columns.number')}</th>
                <th scope="col">{t('list.columns.title')}</th>
                <th scope="col">{t('list.columns.status')}</th>
                <th scope="col">{t('list.columns.priority')}</th>
                <th scope="col">{t('list.columns.lead')}</th>
                <th scope="col">{t('list.columns.markings')}</th>
                <th scope="col">{t('list.columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={c.id}>{c.number}</Link>
                  </td>
                  <td lang={c.language}>
                    <Link to={c.id}>{c.title}</Link>
                    <div className="muted">
                      {c.crimeTypes.map((code) => crimeTypeLabel(code, i18n.language)).join(', ')}
                    </div>
                  </td>
                  <td>
                    <Badge tone={statusTone[c.status]}>{t(`status.${c.status}`)}</Badge>
                  </td>
                  <td>
                    <Badge tone={priorityTone[c.priority]}>{t(`priority.${c.priority}`)}</Badge>
                  </td>
                  <td>{c.leadAgency}</td>
                  <td>
                    <MarkingsBadges markings={c.markings} />
                  </td>
                  <td>
                    <Time value={c.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {loading && <Loading />}
        <div className="form-actions">
          {cursor && !loading && (
            <button type="button" className="button" onClick={() => void load(filter, cursor)}>
              {t('list.loadMore')}
            </button>
          )}
          {!cursor && !loading && cases.length > 0 && <p className="muted">{t('list.end')}</p>}
        </div>
      </Panel>
    </div>
  );
}

function CaseFilters({
  initial,
  onApply,
}: {
  initial: CaseListFilter;
  onApply: (filter: CaseListFilter) => void;
}) {
  const { t, i18n } = useTranslation('cases');
  const me = useMe();
  const agencies = useAgencies();
  const [input, setInput] = useState<CaseListFilter>(initial);
  const set = (patch: CaseListFilter) => setInput((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(input);
  };
  const select = (
    name: keyof CaseListFilter,
    label: string,
    anyLabel: string | null,
    options: { value: string; label: string }[],
  ) => (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={input[name] ?? ''}
          onChange={(e) => set({ [name]: e.target.value })}
        >
          {anyLabel !== null && <option value="">{anyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form
      className="form filter-grid"
      onSubmit={submit}
      aria-label={t('list.filters')}
      data-testid="case-filters"
    >
      <Field label={t('list.search')}>
        {(control) => (
          <input
            {...control}
            name="q"
            type="search"
            value={input.q ?? ''}
            onChange={(e) => set({ q: e.target.value })}
          />
        )}
      </Field>
      {select(
        'status',
        t('list.status'),
        t('list.anyStatus'),
        caseStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      {select(
        'priority',
        t('list.priority'),
        t('list.anyPriority'),
        priorities.map((p) => ({ value: p, label: t(`priority.${p}`) })),
      )}
      {select(
        'crimeType',
        t('list.crimeType'),
        t('list.anyCrimeType'),
        crimeTaxonomy.map((n) => ({
          value: n.code,
          label: `${n.parent ? '— ' : ''}${crimeTypeLabel(n.code, i18n.language)}`,
        })),
      )}
      {select(
        'agency',
        t('list.agency'),
        t('list.anyAgency'),
        (agencies.data ?? []).map((a) => ({ value: a.code, label: a.code })),
      )}
      {select(
        'sort',
        t('list.sort'),
        null,
        caseSortFields.map((s) => ({ value: s, label: t(`sort.${s}`) })),
      )}
      {select('direction', t('list.direction'), null, [
        { value: 'desc', label: t('list.desc') },
        { value: 'asc', label: t('list.asc') },
      ])}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={input.assignee === me.id}
          onChange={(e) => set({ assignee: e.target.checked ? me.id : '' })}
        />{' '}
        {t('list.mine')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('list.apply')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onApply({})}>
          {t('list.reset')}
        </button>
      </div>
    </form>
  );
}
