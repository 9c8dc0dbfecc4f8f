import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { statusTone } from './labels.ts';
import { operationsApi } from './operations-api.ts';

/** The operations the reader may see, the latest start first: status, start (KST and ICT), yields. */
export function OperationsListPage() {
  const { t } = useTranslation('operations');
  const can = useCan();
  const { data, error, loading } = useResource(() => operationsApi.list(), []);
  const items = data?.operations ?? [];
  return (
    <div className="page">
      <PageHeader title={t('list.title')}>
        {can('operations.plan') && (
          <Link className="button button-primary" to="new">
            {t('list.new')}
          </Link>
        )}
      </PageHeader>
      <Panel title={t('list.title')}>
        <ProblemNotice error={error} />
        {loading && <Loading />}
        {!loading && !error && items.length === 0 && <EmptyState />}
        {items.length > 0 && (
          <div className="table-wrap">
            <table className="table" data-testid="operation-list">
              <thead>
                <tr>
                  <th scope="col">{t('list.columns.reference')}</th>
                  <th scope="col">{t('list.columns.codeName')}</th>
                  <th scope="col">{t('list.columns.status')}</th>
                  <th scope="col">{t('list.columns.start')}</th>
                  <th scope="col">{t('list.columns.agencies')}</th>
                  <th scope="col">{t('list.columns.arrests')}</th>
                  <th scope="col">{t('list.columns.rescues')}</th>
                  <th scope="col">{t('list.columns.seizures')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((op) => (
                  <tr key={op.id}>
                    <td>
                      <Link to={op.id}>{op.reference}</Link>
                    </td>
                    <td>
                      <Link to={op.id}>{op.codeName}</Link> <Badge>{`TLP:${op.tlp}`}</Badge>
                    </td>
                    <td>
                      <Badge tone={statusTone[op.status]}>{t(`status.${op.status}`)}</Badge>
                    </td>
                    <td>
                      <Time value={op.plannedStart} dual />
                    </td>
                    <td>{`${op.leadAgency} · ${op.partnerAgency}`}</td>
                    <td>{op.arrests}</td>
                    <td>{op.rescues}</td>
                    <td>{op.seizures}</td>
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
