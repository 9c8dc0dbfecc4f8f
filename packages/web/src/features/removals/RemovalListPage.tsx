import type { RemovalListItem } from '@liaison/core/fugitives/removal-schemas';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { removalsApi } from './removals-api.ts';

export const statusTone = {
  planning: 'info',
  confirmed: 'warn',
  in_transit: 'warn',
  handed_over: 'ok',
} as const;

/** The agency's removals, the latest changed first. */
export function RemovalListPage() {
  const { t } = useTranslation('removals');
  const can = useCan();
  const removals = useResource(() => removalsApi.list(), []);
  return (
    <div className="page">
      <PageHeader title={t('list.title')}>
        {can('fugitives.write') && (
          <Link className="button button-primary" to="new" data-testid="removal-new">
            {t('list.create')}
          </Link>
        )}
      </PageHeader>
      <ProblemNotice error={removals.error} />
      <Panel title={t('list.title')}>
        {!removals.data ? (
          <Loading />
        ) : removals.data.length === 0 ? (
          <EmptyState />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="removal-list">
              <thead>
                <tr>
                  <th scope="col">{t('list.reference')}</th>
                  <th scope="col">{t('list.kind')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.unit')}</th>
                  <th scope="col">{t('list.suspects')}</th>
                  <th scope="col">{t('list.flights')}</th>
                  <th scope="col">{t('list.departure')}</th>
                </tr>
              </thead>
              <tbody>
                {removals.data.map((r: RemovalListItem) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={r.id}>{r.reference}</Link>
                    </td>
                    <td>{t(`kind.${r.kind}`)}</td>
                    <td>
                      <Badge tone={statusTone[r.status]}>{t(`status.${r.status}`)}</Badge>
                    </td>
                    <td>{r.receivingUnit}</td>
                    <td>{r.suspects}</td>
                    <td>{r.flights}</td>
                    <td>{r.firstDeparture ? <Time value={r.firstDeparture} dual /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
