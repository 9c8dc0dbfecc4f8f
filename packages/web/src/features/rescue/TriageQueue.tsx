import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { useEnumLabel } from '../../ui/enum-labels.ts';
import { EmptyState, Loading, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { riskTone, stateLabel } from './labels.ts';
import { rescueApi } from './rescue-api.ts';

/**
 * New reports with no team, for triage officers only (the server refuses everyone else). Taking one makes the
 * officer its team and opens the case, with no break-glass purpose: this is the triage job, not an exception.
 */
export function TriageQueue() {
  const can = useCan();
  if (!can('rescue.triage')) return null;
  return <Queue />;
}

function Queue() {
  const { t, i18n } = useTranslation('rescue');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const queue = useResource(() => rescueApi.triageQueue(), []);
  const [taking, setTaking] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const take = async (id: string) => {
    setError(null);
    setTaking(id);
    try {
      const taken = await rescueApi.take(id);
      navigate(`/rescue/${taken.caseId}`);
    } catch (failure) {
      setError(failure);
      queue.reload();
    } finally {
      setTaking(null);
    }
  };
  return (
    <Panel title={t('triage.queue.title')} actions={<span>{queue.data?.length ?? ''}</span>}>
      <p className="muted">{t('triage.queue.intro')}</p>
      <ProblemNotice error={error ?? queue.error} />
      {queue.loading && !queue.data ? (
        <Loading />
      ) : queue.data && queue.data.length > 0 ? (
        <table className="table" aria-label={t('triage.queue.title')} data-testid="triage-queue">
          <thead>
            <tr>
              <th>{t('board.reference')}</th>
              <th>{t('board.risk')}</th>
              <th>{t('board.state')}</th>
              <th>{t('board.age')}</th>
              <th>{t('triage.queue.channel')}</th>
              <th>{t('board.place')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {queue.data.map((q) => (
              <tr key={q.id} data-testid={`triage-row-${q.reference}`}>
                <td>{q.reference}</td>
                <td>
                  <Badge tone={riskTone[q.riskLevel]}>{label('riskLevel', q.riskLevel)}</Badge>
                </td>
                <td>{stateLabel(q.state, i18n.language)}</td>
                <td>
                  <Time value={q.reportedAt} dual />
                </td>
                <td>{label('reportChannel', q.channel)}</td>
                <td>{q.province ? label('province', q.province) : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="button button-primary"
                    data-testid={`take-${q.reference}`}
                    disabled={taking !== null}
                    onClick={() => take(q.id)}
                  >
                    {taking === q.id ? t('triage.queue.taking') : t('triage.queue.take')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState>{t('triage.queue.empty')}</EmptyState>
      )}
    </Panel>
  );
}
