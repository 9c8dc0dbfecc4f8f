import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entityTypeLabel, linkTypeLabel } from '../labels.ts';
import type { ChartModel } from './chart-model.ts';

/** The chart's entities as a list: the keyboard and screen-reader way to select and open them. */
export function NodeList({
  model,
  selectedId,
  onSelect,
}: {
  model: ChartModel;
  selectedId: string | null;
  onSelect(id: string | null): void;
}) {
  const { t, i18n } = useTranslation('graph');
  if (model.nodes.size === 0) return null;
  const onPath = new Set(model.path?.nodeIds ?? []);
  return (
    <details className="chart-nodes" open={model.nodes.size <= 30}>
      <summary>
        {t('chart.nodeList')} ({t('chart.counts', { nodes: model.nodes.size, edges: model.edges.size })})
      </summary>
      <ul className="plain-list" data-testid="chart-node-list">
        {[...model.nodes.values()].map((node) => (
          <li key={node.id} data-on-path={onPath.has(node.id) || undefined}>
            <button
              type="button"
              className="link-button"
              aria-pressed={selectedId === node.id}
              onClick={() => onSelect(selectedId === node.id ? null : node.id)}
            >
              {node.caption}
            </button>{' '}
            <span className="muted">
              {entityTypeLabel(node.type, i18n.language)} · {node.ownerAgency}
            </span>{' '}
            <Link to={`/graph/entities/${node.id}`}>{t('chart.openEntity')}</Link>
          </li>
        ))}
      </ul>
      {model.edges.size > 0 && (
        <ul className="plain-list" data-testid="chart-link-list" aria-label={t('link.list')}>
          {[...model.edges.values()].map((edge) => (
            <li key={edge.id}>
              <button
                type="button"
                className="link-button"
                aria-pressed={selectedId === edge.id}
                onClick={() => onSelect(selectedId === edge.id ? null : edge.id)}
              >
                {model.nodes.get(edge.sourceId)?.caption} — {linkTypeLabel(edge.type, i18n.language)} →{' '}
                {model.nodes.get(edge.targetId)?.caption}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
