import type { Hit } from '@liaison/core/graph/index';
import type { HomeSummary } from '@liaison/core/home/home-summary';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useResource } from '../../app/use-resource.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Time } from '../../ui/Time.tsx';

const riskTone: Record<string, BadgeTone> = {
  critical: 'danger',
  high: 'warn',
  medium: 'info',
  low: 'neutral',
};

function Count({ value }: { value: number }) {
  return <span className="count">{value}</span>;
}

/** The five panels of "what needs me now", filled from GET /api/v1/home; sections outside the user's roles are absent. */
export function HomeSections() {
  const { t } = useTranslation(['home', 'ui']);
  const home = useResource(() => api.get<HomeSummary>('/api/v1/home'), []);
  if (home.error) return <ProblemNotice error={home.error} />;
  const data = home.data;
  if (!data) return null;
  return (
    <div className="panel-grid">
      {data.tasks && (
        <Panel title={t('panels.tasks')} actions={<Count value={data.tasks.length} />}>
          {data.tasks.length === 0 ? (
            <EmptyState>{t('empty.tasks')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {data.tasks.map((task) => (
                <li key={task.id}>
                  <Link to={`/cases/${task.caseId}`}>{task.caseNumber}</Link> {task.title}
                  {task.dueDate && <span className="muted"> · {t('due', { date: task.dueDate })}</span>}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
      <Panel title={t('panels.overdue')} actions={<Count value={data.overdue.length} />}>
        {data.overdue.length === 0 ? (
          <EmptyState>{t('empty.overdue')}</EmptyState>
        ) : (
          <ul className="plain-list">
            {data.overdue.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <Badge tone="danger">{t(`overdueKind.${item.kind}`)}</Badge>{' '}
                <Link
                  to={
                    item.kind === 'task'
                      ? `/cases/${item.caseId}`
                      : item.kind === 'rescue'
                        ? `/rescue/${item.id}`
                        : `/exchange/${item.id}`
                  }
                >
                  {item.label}
                </Link>
                {item.due && (
                  <span className="muted">
                    {' '}
                    · <Time value={item.due} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {data.hits && (
        <Panel title={t('panels.hits')} actions={<Count value={data.hits.length} />}>
          {data.hits.length === 0 ? (
            <EmptyState>{t('empty.hits')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {data.hits.map((hit) => (
                <li key={hit.id} data-testid="home-hit">
                  <Badge tone="warn">{t(`hits:kinds.${hit.kind}`, { defaultValue: hit.kind })}</Badge>{' '}
                  <Link to="/graph/hits">{hit.value ?? t('restricted')}</Link> · <HitPlaces hit={hit} /> ·{' '}
                  <Time value={hit.raisedAt} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
      {data.messages && (
        <Panel title={t('panels.messages')} actions={<Count value={data.unreadMessages ?? 0} />}>
          {data.messages.length === 0 ? (
            <EmptyState>{t('empty.messages')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {data.messages.map((message) => (
                <li key={message.id}>
                  <Badge tone={message.overdue ? 'danger' : 'info'}>{message.peerAgency}</Badge>{' '}
                  <Link to={`/exchange/${message.id}`}>{message.subject}</Link>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      )}
      {data.rescue && (
        <Panel title={t('panels.rescue')} actions={<Count value={data.rescue.open} />}>
          {data.rescue.open === 0 ? (
            <EmptyState>{t('empty.rescue')}</EmptyState>
          ) : (
            <>
              <p className="badge-row">
                {(['critical', 'high', 'medium', 'low'] as const).map((level) => (
                  <Badge key={level} tone={riskTone[level]}>
                    {t(`risk.${level}`)}: {data.rescue?.byRisk[level] ?? 0}
                  </Badge>
                ))}
              </p>
              <ul className="plain-list">
                {data.rescue.cases.map((rescueCase) => (
                  <li key={rescueCase.id}>
                    <Badge tone={riskTone[rescueCase.riskLevel]}>{t(`risk.${rescueCase.riskLevel}`)}</Badge>{' '}
                    <Link to={`/rescue/${rescueCase.id}`}>{rescueCase.reference}</Link>
                    {rescueCase.overdue && <span className="muted"> · {t('overdueKind.rescue')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Panel>
      )}
    </div>
  );
}

/** Where a hit's two records are: each side's case number (or rescue reference, or owner when restricted). */
function HitPlaces({ hit }: { hit: Hit }) {
  const { t } = useTranslation('hits');
  const place = (side: Hit['sides'][number]) =>
    side.restricted
      ? t('restricted', { agency: side.ownerAgency })
      : side.case
        ? side.case.number
        : side.rescueCase
          ? t('rescueCase', { reference: side.rescueCase.reference })
          : t('noCase');
  return (
    <span className="muted">
      {place(hit.sides[0])} ↔ {place(hit.sides[1])}
    </span>
  );
}
