import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { useEnumLabel } from '../../ui/enum-labels.ts';
import { EmptyState, Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';
import { riskTone, stateLabel } from './labels.ts';
import { RescueStats } from './RescueStats.tsx';
import { rescueApi } from './rescue-api.ts';
import { TriageQueue } from './TriageQueue.tsx';

/** The 24/7 board: open cases by risk, then age. It shows no personal data, only references and places. */
export function RescueBoard() {
  const { t, i18n } = useTranslation('rescue');
  const label = useEnumLabel();
  const board = useResource(() => rescueApi.board(), []);
  return (
    <>
      <PageHeader title={t('nav')} />
      <TriageQueue />
      <Panel title={t('board.title')} actions={<span>{board.data?.length ?? ''}</span>}>
        <ProblemNotice error={board.error} />
        {board.loading && !board.data ? (
          <Loading />
        ) : board.data && board.data.length > 0 ? (
          <table className="table" aria-label={t('board.title')}>
            <thead>
              <tr>
                <th>{t('board.reference')}</th>
                <th>{t('board.risk')}</th>
                <th>{t('board.state')}</th>
                <th>{t('board.age')}</th>
                <th>{t('board.due')}</th>
                <th>{t('board.place')}</th>
                <th>{t('board.team')}</th>
              </tr>
            </thead>
            <tbody>
              {board.data.map((c) => (
                <tr key={c.id} data-testid={`rescue-row-${c.reference}`}>
                  <td>
                    <Link to={`/rescue/${c.id}`}>{c.reference}</Link>
                  </td>
                  <td>
                    <Badge tone={riskTone[c.riskLevel]}>{label('riskLevel', c.riskLevel)}</Badge>
                  </td>
                  <td>{stateLabel(c.state, i18n.language)}</td>
                  <td>
                    <Time value={c.reportedAt} dual />
                  </td>
                  <td>
                    {c.clock ? <Time value={c.clock.dueAt} /> : '—'}{' '}
                    {c.clock?.overdue && <Badge tone="danger">{t('board.overdue')}</Badge>}{' '}
                    {c.escalated && <Badge tone="warn">{t('board.escalated')}</Badge>}
                  </td>
                  <td>
                    {[c.province && label('province', c.province), c.compoundName]
                      .filter(Boolean)
                      .join(' / ') || '—'}
                  </td>
                  <td>{c.onTeam ? <Badge tone="ok">{t('board.onTeam')}</Badge> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <EmptyState>{t('board.empty')}</EmptyState>
        )}
      </Panel>
      <RescueStats />
    </>
  );
}
