import { entityTypeNames } from '@liaison/core/graph/entity-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { entityTypeLabel } from '../labels.ts';
import { EntityPicker, type PickedEntity } from '../pickers/EntityPicker.tsx';
import type { Chart } from './use-chart.ts';

const hopChoices = ['1', '2', '3', '4'] as const;

/** Expand from the selected entity or one found by search: how many hops, which entity types, which dates. */
export function ExpandPanel({ chart, initialStart }: { chart: Chart; initialStart: string }) {
  const { t, i18n } = useTranslation('graph');
  // Untouched (undefined), the start is the entity the chart was opened from; null once the officer cleared it.
  const [picked, setStart] = useState<PickedEntity | null>();
  const [hops, setHops] = useState(1);
  const [types, setTypes] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { selectedNode } = chart;
  const opened = chart.model.nodes.get(initialStart);
  const start =
    picked !== undefined
      ? picked
      : opened
        ? {
            id: opened.id,
            type: opened.type,
            ownerAgency: opened.ownerAgency,
            label: opened.caption,
            detail: `${entityTypeLabel(opened.type, i18n.language)} · ${opened.ownerAgency}`,
          }
        : null;
  return (
    <Panel title={t('chart.expand')}>
      <form
        className="form"
        data-testid="chart-expand-form"
        onSubmit={(event) => {
          event.preventDefault();
          const origin = selectedNode ?? start?.id;
          if (!origin) return;
          void chart.expand([origin], {
            hops,
            types,
            from: from || undefined,
            to: to || undefined,
          });
        }}
      >
        {!selectedNode && (
          <EntityPicker
            label={t('chart.start')}
            hint={t('chart.startHint')}
            name="chart-start"
            value={start}
            onChange={setStart}
          />
        )}
        <SelectField
          label={t('chart.hops')}
          name="hops"
          value={String(hops)}
          options={hopChoices}
          onValueChange={(value) => setHops(Number(value))}
        />
        <Field label={t('chart.types')} hint={t('chart.allTypes')}>
          {(control) => (
            <select
              {...control}
              name="types"
              multiple
              size={4}
              value={types}
              onChange={(e) => setTypes([...e.target.selectedOptions].map((o) => o.value))}
            >
              {entityTypeNames.map((type) => (
                <option key={type} value={type}>
                  {entityTypeLabel(type, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-row">
          <TextField label={t('chart.from')} type="date" name="from" value={from} onValueChange={setFrom} />
          <TextField label={t('chart.to')} type="date" name="to" value={to} onValueChange={setTo} />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={chart.busy || (!selectedNode && !start)}
          >
            {selectedNode ? t('chart.expandSelected') : t('chart.expand')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={chart.model.nodes.size === 0}
            onClick={chart.clear}
          >
            {t('chart.clear')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
