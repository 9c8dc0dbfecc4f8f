import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/fields.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { entityTypeLabel, linkTypeLabel } from '../labels.ts';
import { pathSteps } from './path-words.ts';
import type { Chart } from './use-chart.ts';

/** The shortest path between two entities on the chart, highlighted on it and said in words step by step. */
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
      <PathInWords chart={chart} />
    </Panel>
  );
}

function PathInWords({ chart }: { chart: Chart }) {
  const { t, i18n } = useTranslation('graph');
  const steps = pathSteps(chart.model);
  if (steps.length === 0) return null;
  const link = (type: string) => linkTypeLabel(type, i18n.language);
  return (
    <div className="chart-path-words" data-testid="chart-path-words">
      <p>
        {t('chart.pathSummary', {
          from: steps[0]!.from,
          to: steps[steps.length - 1]!.to,
          count: steps.length,
        })}
      </p>
      <ol>
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a path's steps are its order
          <li key={index}>
            {step.forward
              ? `${step.from} — ${link(step.linkType)} → ${step.to}`
              : `${step.from} ← ${link(step.linkType)} — ${step.to}`}
          </li>
        ))}
      </ol>
    </div>
  );
}
