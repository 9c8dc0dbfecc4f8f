import { entityTypeNames } from '@liaison/core/graph/entity-types';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { enumLabel, useEnumLabel } from '../../ui/enum-labels.ts';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { entityTypeLabel } from '../graph/labels.ts';
import { searchApi } from './search-api.ts';

const filterNames = ['q', 'type', 'agency', 'from', 'to'] as const;

/** Results of the one search box: entities by identifier (any format) or name (any script), and cases. */
export default function SearchPage() {
  const { t, i18n } = useTranslation('search');
  const label = useEnumLabel();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<
    (typeof filterNames)[number],
    string
  >;
  const agencies = useAgencies().data ?? [];
  const ready = filter.q.trim().length >= 2;
  const results = useResource(
    () =>
      ready
        ? searchApi.search({
            q: filter.q.trim(),
            type: filter.type || undefined,
            agency: filter.agency || undefined,
            from: filter.from || undefined,
            to: filter.to || undefined,
          })
        : Promise.resolve(undefined),
    [params.toString()],
  );

  return (
    <div className="page" data-testid="search-page">
      <PageHeader title={t('title')} />
      <form
        className="filter-grid"
        data-testid="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of filterNames) {
            const value = String(form.get(name) ?? '').trim();
            if (value) next.set(name, value);
          }
          setParams(next);
        }}
      >
        <Field label={t('query')} hint={t('queryHint')}>
          {(control) => <input {...control} name="q" type="search" defaultValue={filter.q} key={filter.q} />}
        </Field>
        <Field label={t('type')}>
          {(control) => (
            <select {...control} name="type" defaultValue={filter.type}>
              <option value="">{t('anyType')}</option>
              {entityTypeNames.map((type) => (
                <option key={type} value={type}>
                  {entityTypeLabel(type, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('agency')}>
          {(control) => (
            <select {...control} name="agency" defaultValue={filter.agency} key={`${agencies.length}`}>
              <option value="">{t('anyAgency')}</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.code}>
                  {agency.code} · {agency.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('from')}>
          {(control) => <input {...control} name="from" type="date" defaultValue={filter.from} />}
        </Field>
        <Field label={t('to')}>
          {(control) => <input {...control} name="to" type="date" defaultValue={filter.to} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('submit')}
          </button>
        </div>
      </form>
      {!ready ? (
        <p className="muted">{t('tooShort')}</p>
      ) : results.error ? (
        <ProblemNotice error={results.error} />
      ) : results.loading || !results.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted" role="status" data-testid="search-summary">
            {t('results', { entities: results.data.entities.length, cases: results.data.cases.length })}
            {results.data.identifierReadings.length > 0 &&
              ` · ${t('readAs', { kinds: results.data.identifierReadings.map((k) => label('identifierKind', k)).join(', ') })}`}
          </p>
          <Panel title={t('entities')}>
            {results.data.entities.length === 0 ? (
              <EmptyState>{t('noEntities')}</EmptyState>
            ) : (
              <ul className="plain-list" data-testid="search-entities">
                {results.data.entities.map((entity) => (
                  <li key={entity.id}>
                    <Link to={`/graph/entities/${entity.id}`}>{entity.caption}</Link>{' '}
                    <Badge tone="info">{entityTypeLabel(entity.type, i18n.language)}</Badge>{' '}
                    <Badge>{entity.ownerAgency}</Badge>{' '}
                    <span className="muted">
                      {entity.match.kind === 'identifier'
                        ? t('byIdentifier', { detail: identifierDetail(entity.match.detail) })
                        : t('byName', { detail: entity.match.detail })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          {!filter.type && (
            <Panel title={t('cases')}>
              {results.data.cases.length === 0 ? (
                <EmptyState>{t('noCases')}</EmptyState>
              ) : (
                <ul className="plain-list" data-testid="search-cases">
                  {results.data.cases.map((c) => (
                    <li key={c.id}>
                      <Link to={`/cases/${c.id}`}>
                        {c.number} · {c.title}
                      </Link>{' '}
                      <Badge>{c.ownerAgency}</Badge>{' '}
                      <Badge>{t(`cases:status.${c.status}`, { defaultValue: c.status })}</Badge>{' '}
                      <Time value={c.createdAt} />
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          )}
        </>
      )}
    </div>
  );
}

/** The server words an identifier match as `<kind code>: <value>`; the kind is shown in the reader's words. */
function identifierDetail(detail: string): string {
  const colon = detail.indexOf(': ');
  if (colon < 0) return detail;
  return `${enumLabel('identifierKind', detail.slice(0, colon))}: ${detail.slice(colon + 2)}`;
}
