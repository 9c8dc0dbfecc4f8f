import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { useAgencies } from '../../ui/use-agencies.ts';
import { AgencyForm } from './AgencyForm.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';

/** Agencies of this node at the left, the chosen agency's units at the right. */
export default function AgenciesPage() {
  const { t } = useTranslation(['admin', 'ui']);
  const can = useCan();
  const agencies = useAgencies();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const selected = agencies.data?.find((a) => a.id === selectedId) ?? agencies.data?.[0];

  return (
    <div className="page">
      <PageHeader title={t('agencies.title')} />
      <div className="split">
        <Panel
          title={t('agencies.list')}
          actions={<span className="count">{agencies.data?.length ?? ''}</span>}
        >
          {agencies.loading && !agencies.data && <Loading />}
          <ProblemNotice error={agencies.error} />
          <div className="table-wrap">
            <table className="table" data-testid="agencies-table">
              <thead>
                <tr>
                  <th scope="col">{t('agencies.code')}</th>
                  <th scope="col">{t('agencies.name')}</th>
                  <th scope="col">{t('agencies.country')}</th>
                  <th scope="col">{t('agencies.created')}</th>
                </tr>
              </thead>
              <tbody>
                {agencies.data?.map((agency) => (
                  <tr key={agency.id} aria-selected={agency.id === selected?.id}>
                    <td>
                      <button type="button" className="link-button" onClick={() => setSelectedId(agency.id)}>
                        <Badge tone="info">{agency.code}</Badge>
                      </button>
                    </td>
                    <td>{agency.name}</td>
                    <td>{agency.country}</td>
                    <td>
                      <Time value={agency.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {can('agencies.manage') && (
            <>
              <h3 className="subheading">{t('agencies.create')}</h3>
              <AgencyForm
                onCreated={(agency) => {
                  setNotice(t('agencies.created_ok', { code: agency.code }));
                  setSelectedId(agency.id);
                  agencies.reload();
                }}
              />
              <p className="notice notice-ok" role="status">
                {notice}
              </p>
            </>
          )}
        </Panel>
        {selected ? (
          <UnitsPanel key={selected.id} agency={selected} canManage={can('agencies.manage')} />
        ) : (
          <p>{t('agencies.select')}</p>
        )}
      </div>
    </div>
  );
}
