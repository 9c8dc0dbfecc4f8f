import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/Panel.tsx';
import { ProblemNotice } from '../../../ui/ProblemNotice.tsx';
import type { Chart } from './use-chart.ts';

/** The page title with "analyse" and "export PNG", then the status line of the last action or its failure. */
export function ChartToolbar({ chart }: { chart: Chart }) {
  const { t } = useTranslation('graph');
  const empty = chart.model.nodes.size === 0;
  return (
    <>
      <PageHeader title={t('chart.title')}>
        <button
          type="button"
          className="button"
          disabled={empty || chart.busy}
          onClick={() => void chart.analyse()}
          data-testid="chart-analyse"
        >
          {t('chart.analyse')}
        </button>
        <button
          type="button"
          className="button"
          disabled={empty}
          onClick={() => void chart.exportPng()}
          data-testid="chart-export"
          data-exported={chart.exported}
        >
          {t('chart.exportPng')}
        </button>
      </PageHeader>
      <p
        className="chart-status"
        role="status"
        aria-live="polite"
        data-testid="chart-status"
        data-path-links={chart.pathLinks}
        data-analysed={chart.analysed || undefined}
      >
        {chart.status}
      </p>
      <ProblemNotice error={chart.error} />
    </>
  );
}
