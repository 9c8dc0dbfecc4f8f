import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/fields.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { entityTypeLabel } from '../labels.ts';
import type { Chart } from './use-chart.ts';

/** The shortest path between two entities on the chart, highlighted on it. */
export function PathPanel({ chart }: { chart: Chart }) {
  const { t, i18n } = useTranslation('graph');
  const [pathFrom, setPathFrom] = useState('');
  const [pathTo, setPathTo] = useState('');
  const nodes = [...chart.model.nodes.values()].sort((a, b) => a.caption.localeCompare(b.caption));
  const nodeOptions = (
    <>
      <option value="">{t('chart.pickNode')}</option>
      {nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {n.caption} · {entityTypeLabel(n.type, i18n.language)}
        </option>
      ))}
    </>
  );
  return (
    <Panel title={t('chart.findPath')}>
      <form
        className="form"
        data-testid="chart-path-form"
        onSubmit={(event) => {
          event.preventDefault();
          void chart.findPath(pathFrom, pathTo);
        }}
      >
        <SelectField label={t('chart.pathFrom')} name="pathFrom" value={pathFrom} onValueChange={setPathFrom}>
          {nodeOptions}
        </SelectField>
        <SelectField label={t('chart.pathTo')} name="pathTo" value={pathTo} onValueChange={setPathTo}>
          {nodeOptions}
        </SelectField>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={chart.busy || !pathFrom || !pathTo || pathFrom === pathTo}
          >
            {t('chart.findPath')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
