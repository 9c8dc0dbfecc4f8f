import type { CompoundListItem, CompoundStatus } from '@liaison/core/compounds/compound-schema';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { CompoundMap } from './CompoundMap.tsx';
import { compoundStatuses, provinceIds, provinceLabel, statusTone } from './labels.ts';

/**
 * The register of compounds on the offline map, with linked rescue case counts, filtered by status, province
 * and a name or alias. The filters live in the address, so a filtered register can be bookmarked and shared.
 */
export function CompoundRegister() {
  const { t, i18n } = useTranslation('compounds');
  const navigate = useNavigate();
  const openCompound = useCallback((id: string) => navigate(id), [navigate]);
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    province: params.get('province') ?? '',
  };
  const setFilter = (key: keyof typeof filter, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const compounds = useResource(
    () => api.get<CompoundListItem[]>('/api/v1/compounds', filter),
    [filter.q, filter.status, filter.province],
  );
  const items = compounds.data ?? [];
  const statusLabel = (status: string) => t(`statuses.${status as CompoundStatus}`, { defaultValue: status });
  const points = items
    .filter((c) => c.lat !== null && c.lon !== null)
    .map((c) => ({ id: c.id, lat: c.lat!, lon: c.lon!, label: `${c.name} (${statusLabel(c.status)})` }));
  return (
    <>
      <PageHeader title={t('title')} />
      <ProblemNotice error={compounds.error} />
      <Panel title={t('map')}>
        <CompoundMap points={points} onMarker={openCompound} />
      </Panel>
      <Panel title={t('title')}>
        <search className="filter-grid" aria-label={t('filters.label')} data-testid="compound-filters">
          <TextField
            label={t('filters.search')}
            name="q"
            type="search"
            maxLength={100}
            value={filter.q}
            onValueChange={(value) => setFilter('q', value)}
          />
          <SelectField
            label={t('status')}
            name="status"
            value={filter.status}
            options={compoundStatuses}
            optionLabel={statusLabel}
            onValueChange={(value) => setFilter('status', value)}
          >
            <option value="">{t('filters.anyStatus')}</option>
          </SelectField>
          <SelectField
            label={t('province')}
            name="province"
            value={filter.province}
            options={provinceIds}
            optionLabel={(p) => provinceLabel(p, i18n.language)}
            onValueChange={(value) => setFilter('province', value)}
          >
            <option value="">{t('filters.anyProvince')}</option>
          </SelectField>
        </search>
        {compounds.loading && !compounds.data ? (
          <Loading />
        ) : items.length === 0 ? (
          <EmptyState>{t('filters.none')}</EmptyState>
        ) : (
          <>
            <p className="muted" role="status">
              {t('filters.count', { count: items.length })}
            </p>
            <div className="table-wrap">
              <table className="table" data-testid="compound-list">
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('aliases')}</th>
                    <th scope="col">{t('province')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('border')}</th>
                    <th scope="col">{t('cases')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={c.id}>{c.name}</Link>
                      </td>
                      <td>{c.aliases.join(', ')}</td>
                      <td>{provinceLabel(c.province, i18n.language)}</td>
                      <td>
                        <Badge tone={statusTone[c.status] ?? 'neutral'}>{statusLabel(c.status)}</Badge>
                      </td>
                      <td>{c.borderDistanceKm === null ? '—' : `${c.borderDistanceKm} km`}</td>
                      <td>{c.rescueCases}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Panel>
    </>
  );
}
