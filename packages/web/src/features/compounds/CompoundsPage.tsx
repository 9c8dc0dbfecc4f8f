import type { CompoundListItem } from '@liaison/core/compounds/compound-schema';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { CompoundMap } from './CompoundMap.tsx';

const statusTone = { active: 'danger', raided: 'ok', relocated: 'warn', closed: 'neutral' } as const;

/** The register of compounds on the offline map, with linked rescue case counts. */
export default function CompoundsPage() {
  const { t } = useTranslation('compounds');
  const compounds = useResource(() => api.get<CompoundListItem[]>('/api/v1/compounds'), []);
  const points = (compounds.data ?? [])
    .filter((c) => c.lat !== null && c.lon !== null)
    .map((c) => ({ id: c.id, lat: c.lat!, lon: c.lon!, label: `${c.name} (${c.status})` }));
  return (
    <>
      <PageHeader title={t('title')} />
      <ProblemNotice error={compounds.error} />
      <Panel title={t('map')}>
        <CompoundMap points={points} />
      </Panel>
      <Panel title={t('title')}>
        {!compounds.data ? (
          <Loading />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('aliases')}</th>
                <th>{t('province')}</th>
                <th>{t('status')}</th>
                <th>{t('border')}</th>
                <th>{t('cases')}</th>
              </tr>
            </thead>
            <tbody>
              {compounds.data.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.aliases.join(', ')}</td>
                  <td>{c.province}</td>
                  <td>
                    <Badge tone={statusTone[c.status as keyof typeof statusTone] ?? 'neutral'}>
                      {c.status}
                    </Badge>
                  </td>
                  <td>{c.borderDistanceKm === null ? '—' : `${c.borderDistanceKm} km`}</td>
                  <td>{c.rescueCases}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
