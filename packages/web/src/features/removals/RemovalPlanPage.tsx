import { proposeFlights } from '@liaison/core/fugitives/removal-planner';
import type { RemovalView } from '@liaison/core/fugitives/removal-schemas';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Loading, PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { useSubmission } from '../../ui/use-submission.ts';
import { EscortsPanel } from './EscortsPanel.tsx';
import { ExecutionPanel } from './ExecutionPanel.tsx';
import { FlightsPanel } from './FlightsPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { Refusal } from './Refusal.tsx';
import { statusTone } from './RemovalListPage.tsx';
import { RuleNotice } from './RuleNotice.tsx';
import { removalsApi } from './removals-api.ts';
import { problemText } from './rule-text.ts';
import { SuspectsPanel } from './SuspectsPanel.tsx';

/** What a panel of the plan gets: the removal as it is, and where to put it once a change is answered. */
export interface PlanPart {
  view: RemovalView;
  onChange(view: RemovalView): void;
  editable: boolean;
}

/**
 * The plan of one removal: the rule and the planner's proposal live, what keeps it from being confirmed, the
 * suspects with their flights and escorts, the flights, everyone else aboard, then boarding and hand-over.
 */
export function RemovalPlanPage() {
  const { t } = useTranslation('removals');
  const { id = '' } = useParams();
  const can = useCan();
  const loaded = useResource(() => removalsApi.get(id), [id]);
  const [view, setView] = useState<RemovalView>();
  const [split, setSplit] = useState(false);
  const action = useSubmission();
  useEffect(() => setView(loaded.data), [loaded.data]);

  if (loaded.error) return <ProblemNotice error={loaded.error} />;
  if (!view) return <Loading />;
  const editable = view.status === 'planning' && can('fugitives.write');
  const proposal = proposeFlights(view.suspects.length, split ? 'commercial' : 'auto');
  const part: PlanPart = { view, onChange: setView, editable };
  const run = (work: () => Promise<RemovalView>) => void action.submit(async () => setView(await work()));

  return (
    <div className="page">
      <PageHeader title={`${view.reference} · ${t(`kind.${view.kind}`)}`}>
        <Badge tone={statusTone[view.status]}>
          <span data-testid="removal-status">{t(`status.${view.status}`)}</span>
        </Badge>
        <a
          className="button"
          href={removalsApi.manifestUrl(view.id, 'pdf')}
          target="_blank"
          rel="noreferrer"
          data-testid="manifest-pdf"
        >
          {t('plan.manifestPdf')}
        </a>
        <a className="button" href={removalsApi.manifestUrl(view.id, 'csv')} data-testid="manifest-csv">
          {t('plan.manifestCsv')}
        </a>
      </PageHeader>
      <p className="muted">
        {t('list.unit')}: {view.receivingUnit.name}
        {view.receivingUnit.place && ` — ${view.receivingUnit.place}`}
      </p>
      <Panel title={t('plan.rule')}>
        <RuleNotice proposal={proposal} />
        {view.suspects.length > 2 && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setSplit(!split)}
            data-testid="proposal-split"
          >
            {split ? t('proposal.charterInstead') : t('proposal.splitInstead')}
          </button>
        )}
        {view.status === 'planning' &&
          (view.problems.length > 0 ? (
            <>
              <strong>{t('plan.problems')}</strong>
              <ul className="removal-problems" data-testid="removal-problems">
                {view.problems.map((p) => (
                  <li key={`${p.path}-${p.message}`}>{problemText(t, p, view)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="notice notice-ok" data-testid="removal-ready">
              {t('plan.ready')}
            </p>
          ))}
        <Refusal error={action.error} />
        <div className="button-row">
          {editable && (
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy || view.problems.length > 0}
              onClick={() => run(() => removalsApi.confirm(view.id))}
              data-testid="removal-confirm"
            >
              {t('plan.confirm')}
            </button>
          )}
          {view.status === 'confirmed' &&
            can('fugitives.write') &&
            !view.suspects.some((s) => s.boardedAt) && (
              <button
                type="button"
                className="button"
                disabled={action.busy}
                onClick={() => run(() => removalsApi.reopen(view.id))}
              >
                {t('plan.reopen')}
              </button>
            )}
        </div>
      </Panel>
      <SuspectsPanel {...part} />
      <FlightsPanel {...part} />
      <EscortsPanel {...part} />
      <MembersPanel {...part} />
      {view.status !== 'planning' && <ExecutionPanel {...part} editable={can('fugitives.write')} />}
    </div>
  );
}
