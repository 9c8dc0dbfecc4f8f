import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { LinkForm } from '../LinkForm.tsx';
import { ChartCanvas } from './ChartCanvas.tsx';
import { ChartToolbar } from './ChartToolbar.tsx';
import { ExpandPanel } from './ExpandPanel.tsx';
import { Legend } from './Legend.tsx';
import { NodeList } from './NodeList.tsx';
import { PathPanel } from './PathPanel.tsx';
import { SavedChartsPanel } from './SavedChartsPanel.tsx';
import { SelectedLink } from './SelectedLink.tsx';
import { isEntityId, useChart } from './use-chart.ts';

/** The link chart: expand from an entity, find a path, colour by community, save, reopen and export. */
export default function ChartPage() {
  const { t } = useTranslation('graph');
  const [params] = useSearchParams();
  // Opened as /graph/entities/:id/chart or /graph?start=<id>.
  const initialStart = useParams().id ?? params.get('start') ?? '';
  const chart = useChart();
  const can = useCan();
  const { model, selectedId, selectedEdge, selectedNode } = chart;
  const source = selectedNode ? model.nodes.get(selectedNode) : undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: expand once for the entity named in the address
  useEffect(() => {
    if (isEntityId(initialStart)) void chart.expand([initialStart], { hops: 1, types: [] });
  }, []);

  return (
    <div className="page chart-page" data-testid="chart-page">
      <ChartToolbar chart={chart} />
      <div className="chart-layout">
        <div className="chart-side">
          <ExpandPanel chart={chart} initialStart={initialStart} />
          {source && can('entities.write') && (
            <Panel title={t('draw.fromSelected')}>
              <LinkForm
                key={source.id}
                source={source}
                onCreated={(link, target) =>
                  chart.linkCreated(link, {
                    id: target.id,
                    type: target.type,
                    caption: target.label,
                    ownerAgency: target.ownerAgency,
                  })
                }
              />
            </Panel>
          )}
          <PathPanel chart={chart} />
          <SavedChartsPanel chart={chart} />
        </div>
        <div className="chart-main">
          <ChartCanvas
            ref={chart.canvas}
            model={model}
            selectedId={selectedId}
            onSelect={chart.select}
            positions={chart.positions}
          />
          {model.nodes.size === 0 && <p className="chart-empty muted">{t('chart.empty')}</p>}
          <Legend />
          {selectedEdge && (
            <SelectedLink
              key={selectedEdge.id}
              model={model}
              edge={selectedEdge}
              onDeleted={() => chart.linkDeleted(selectedEdge.id)}
            />
          )}
          <NodeList model={model} selectedId={selectedId} onSelect={chart.select} />
        </div>
      </div>
    </div>
  );
}
