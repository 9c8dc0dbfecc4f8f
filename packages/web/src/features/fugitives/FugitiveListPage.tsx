import { type FugitiveSummary, fugitiveStates, warrantFlags } from '@liaison/core/fugitives/schemas';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/fields.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { FlagBadges } from './FlagBadges.tsx';
import { type FugitiveListFilter, fugitivesApi } from './fugitives-api.ts';
import { namesForReader, stateTone } from './labels.ts';

const filterKeys = ['q', 'status', 'warrant', 'stalled', 'scope'] as const;

function filterFromParams(params: URLSearchParams): FugitiveListFilter {
  return Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as FugitiveListFilter;
}

/** The register: state, warrant expiry and stalled flags first; filters kept in the address. */
export function FugitiveListPage() {
  const { t, i18n } = useTranslation('fugitives');
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filterKey = params.toString();
  const [items, setItems] = useState<FugitiveSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (filter: FugitiveListFilter, offset: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fugitivesApi.list(filter, offset);
      setItems((previous) => (offset > 0 ? [...previous, ...page.items] : page.items));
      setTotal(page.total);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filterFromParams(new URLSearchParams(filterKey)), 0);
  }, [filterKey, load]);

  const apply = (filter: FugitiveListFilter) =>
    setParams(Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>);

  return (
    <div className="page">
      <PageHeader title={t('list.title')}>
        {can('fugitives.write') && (
          <Link className="button button-primary" to="new">
            {t('list.create')}
          </Link>
        )}
      </PageHeader>
      <Panel title={t('list.filters')}>
        <Filters key={filterKey} initial={filterFromParams(params)} onApply={apply} />
      </Panel>
      <Panel
        title={t('list.title')}
        actions={<span className="count">{t('list.shown', { count: items.length, total })}</span>}
      >
        <ProblemNotice error={error} />
        {!loading && !error && items.length === 0 && <EmptyState />}
        {items.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="fugitive-list">
              <thead>
                <tr>
                  <th scope="col">{t('list.columns.reference')}</th>
                  <th scope="col">{t('list.columns.name')}</th>
                  <th scope="col">{t('list.columns.birthDate')}</th>
                  <th scope="col">{t('list.columns.status')}</th>
                  <th scope="col">{t('list.columns.flags')}</th>
                  <th scope="col">{t('list.columns.warrant')}</th>
                  <th scope="col">{t('list.columns.notice')}</th>
                  <th scope="col">{t('list.columns.passport')}</th>
                  <th scope="col">{t('list.columns.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((f) => {
                  const { main, others } = namesForReader(f.names, i18n.language);
                  return (
                    <tr key={f.id}>
                      <td>
                        <Link to={f.id}>{f.reference}</Link>
                      </td>
                      <td>
                        <Link to={f.id}>{main}</Link>
                        {others.length > 0 && (
                          <div className="muted">{others.map((n) => n.value).join(', ')}</div>
                        )}
                      </td>
                      <td>{f.birthDate ?? '—'}</td>
                      <td>
                        <Badge tone={stateTone[f.status]}>{t(`state.${f.status}`)}</Badge>
                      </td>
                      <td>
                        <FlagBadges flags={f.flags} />
                      </td>
                      <td>{f.warrantExpiresOn ?? '—'}</td>
                      <td>{f.interpolNotice ? t(`notice.${f.interpolNotice}`) : '—'}</td>
                      <td>{f.passportStatus ? t(`passport.${f.passportStatus}`) : '—'}</td>
                      <td>
                        <Time value={f.updatedAt} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {loading && <Loading />}
        {!loading && items.length < total && (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => void load(filterFromParams(params), items.length)}
            >
              {t('list.loadMore')}
            </button>
          </div>
        )}
      </Panel>
    </div>
  );
}

function Filters({
  initial,
  onApply,
}: {
  initial: FugitiveListFilter;
  onApply(filter: FugitiveListFilter): void;
}) {
  const { t } = useTranslation('fugitives');
  const [input, setInput] = useState<FugitiveListFilter>(initial);
  const set = (patch: FugitiveListFilter) => setInput((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(input);
  };
  return (
    <form className="form filter-grid" onSubmit={submit} data-testid="fugitive-filters">
      <TextField label={t('list.search')} name="q" value={input.q ?? ''} onValueChange={(q) => set({ q })} />
      <SelectField
        label={t('list.status')}
        name="status"
        value={input.status ?? ''}
        options={fugitiveStates}
        optionLabel={(s) => t(`state.${s}`)}
        onValueChange={(status) => set({ status })}
      >
        <option value="">{t('list.anyStatus')}</option>
      </SelectField>
      <SelectField
        label={t('list.warrant')}
        name="warrant"
        value={input.warrant ?? ''}
        options={warrantFlags}
        optionLabel={(w) => t(`flag.${w}`, { days: '…' })}
        onValueChange={(warrant) => set({ warrant })}
      >
        <option value="">{t('list.anyWarrant')}</option>
      </SelectField>
      <Checkbox
        name="stalled"
        checked={input.stalled === 'true'}
        onCheckedChange={(on) => set({ stalled: on ? 'true' : '' })}
      >
        {t('list.stalled')}
      </Checkbox>
      <Checkbox
        name="scope"
        checked={input.scope === 'all'}
        onCheckedChange={(on) => set({ scope: on ? 'all' : '' })}
      >
        {t('list.includeClosed')}
      </Checkbox>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('list.apply')}
        </button>
      </div>
    </form>
  );
}
