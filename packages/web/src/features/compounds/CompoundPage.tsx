import type { CompoundDetail, CompoundStatus } from '@liaison/core/compounds/compound-schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { statusTone as operationTone } from '../operations/labels.ts';
import { stateLabel } from '../rescue/labels.ts';
import { CompoundForm } from './CompoundForm.tsx';
import { CompoundMap } from './CompoundMap.tsx';
import { provinceLabel, riskTone, statusTone } from './labels.ts';

/**
 * One compound: its facts and position on the map, editable by holders of `compounds.write`; the rescue cases
 * linked to it (to readers of the rescue board) and the joint operations that targeted it (by the operations'
 * own visibility), each opening its own page.
 */
export function CompoundPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('compounds');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const {
    data: c,
    error,
    reload,
  } = useResource(() => api.get<CompoundDetail>(`/api/v1/compounds/${id}`), [id]);
  const statusLabel = (status: CompoundStatus) => t(`statuses.${status}`);
  if (error) return <ProblemNotice error={error} />;
  if (!c) return <Loading />;
  const points =
    c.lat !== null && c.lon !== null ? [{ id: c.id, lat: c.lat, lon: c.lon, label: c.name }] : [];
  return (
    <div className="page" data-testid="compound-page">
      <p>
        <Link to="..">← {t('detail.back')}</Link>
      </p>
      <PageHeader title={c.name}>
        <Badge tone={statusTone[c.status]}>{statusLabel(c.status)}</Badge>
        {can('compounds.write') && !editing && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('detail.edit')}
          </button>
        )}
      </PageHeader>
      <Panel title={t('detail.facts')}>
        {editing ? (
          <CompoundForm
            compound={c}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              reload();
            }}
          />
        ) : (
          <>
            <dl className="split">
              <dt>{t('aliases')}</dt>
              <dd>{c.aliases.join(', ') || '—'}</dd>
              <dt>{t('province')}</dt>
              <dd>{provinceLabel(c.province, i18n.language)}</dd>
              <dt>
                {t('detail.lat')} / {t('detail.lon')}
              </dt>
              <dd>{c.lat !== null && c.lon !== null ? `${c.lat}, ${c.lon}` : t('detail.noPosition')}</dd>
              <dt>{t('border')}</dt>
              <dd>{c.borderDistanceKm === null ? '—' : `${c.borderDistanceKm} km`}</dd>
              <dt>{t('detail.updated')}</dt>
              <dd>
                <Time value={c.updatedAt} dual />
              </dd>
            </dl>
            {c.notes && <p className="prewrap">{c.notes}</p>}
          </>
        )}
        <p className="notice notice-ok" role="status">
          {saved ? t('detail.saved') : ''}
        </p>
      </Panel>
      {points.length > 0 && (
        <Panel title={t('map')}>
          <CompoundMap points={points} height={320} focus />
        </Panel>
      )}
      <Panel title={t('detail.rescueCases')}>
        {!can('rescue.read') ? (
          <p className="muted">{t('detail.casesHidden')}</p>
        ) : c.rescueCases.length === 0 ? (
          <EmptyState>{t('detail.noCases')}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="compound-cases">
              <thead>
                <tr>
                  <th scope="col">{t('detail.reference')}</th>
                  <th scope="col">{t('detail.state')}</th>
                  <th scope="col">{t('detail.risk')}</th>
                  <th scope="col">{t('detail.reported')}</th>
                </tr>
              </thead>
              <tbody>
                {c.rescueCases.map((rc) => (
                  <tr key={rc.id}>
                    <td>
                      <Link to={`/rescue/${rc.id}`}>{rc.reference}</Link>
                    </td>
                    <td>{stateLabel(rc.state, i18n.language)}</td>
                    <td>
                      <Badge tone={riskTone[rc.riskLevel] ?? 'neutral'}>
                        {t(`risks.${rc.riskLevel}`, { defaultValue: rc.riskLevel })}
                      </Badge>
                    </td>
                    <td>
                      <Time value={rc.reportedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel title={t('detail.operations')}>
        {c.operations.length === 0 ? (
          <EmptyState>{t('detail.noOperations')}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="compound-operations">
              <thead>
                <tr>
                  <th scope="col">{t('detail.reference')}</th>
                  <th scope="col">{t('detail.codeName')}</th>
                  <th scope="col">{t('detail.opStatus')}</th>
                  <th scope="col">{t('detail.start')}</th>
                </tr>
              </thead>
              <tbody>
                {c.operations.map((op) => (
                  <tr key={op.id}>
                    <td>
                      <Link to={`/operations/${op.id}`}>{op.reference}</Link>
                    </td>
                    <td>{op.codeName}</td>
                    <td>
                      <Badge tone={operationTone[op.status]}>{t(`operations:status.${op.status}`)}</Badge>
                    </td>
                    <td>
                      <Time value={op.plannedStart} dual />
                    </td>
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
