import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import type { Chart } from './use-chart.ts';

/** Saving the chart under a name (with its layout), and the saved charts to reopen. */
export function SavedChartsPanel({ chart }: { chart: Chart }) {
  const { t } = useTranslation('graph');
  return (
    <Panel title={t('chart.savedCharts')}>
      <form
        className="form-inline"
        data-testid="chart-save-form"
        onSubmit={(event) => {
          event.preventDefault();
          void chart.save();
        }}
      >
        <Field label={t('chart.name')}>
          {(control) => (
            <input
              {...control}
              name="name"
              value={chart.name}
              required
              maxLength={200}
              onChange={(e) => chart.setName(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={chart.busy || chart.model.nodes.size === 0 || !chart.name.trim()}
          >
            {t('chart.save')}
          </button>
        </div>
      </form>
      {chart.charts.data?.length ? (
        <ul className="plain-list" data-testid="saved-charts">
          {chart.charts.data.map((saved) => (
            <li key={saved.id}>
              <button type="button" className="link-button" onClick={() => void chart.open(saved)}>
                {t('chart.open')}: {saved.name}
              </button>{' '}
              <span className="muted">({saved.nodeIds.length})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('chart.noCharts')}</p>
      )}
    </Panel>
  );
}
