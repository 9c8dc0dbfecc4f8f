import { entityTypeNames } from '@liaison/core/graph/entity-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Field } from '../../ui/Field.tsx';
import { PageHeader, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { ChartCanvas, type ChartCanvasHandle } from './ChartCanvas.tsx';
import { type ChartModel, emptyChart, mergeSubgraph } from './chart-model.ts';
import { type ChartEdge, graphApi, type SavedChart } from './graph-api.ts';
import { chartFileName, entityTypeLabel, linkTypeLabel, typeColours } from './labels.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link chart: expand from an entity, find a path, colour by community, save, reopen and export. */
export default function ChartPage() {
  const { t, i18n } = useTranslation('graph');
  const [params] = useSearchParams();
  // Opened as /graph/entities/:id/chart or /graph?start=<id>.
  const initialStart = useParams().id ?? params.get('start') ?? '';
  const canvas = useRef<ChartCanvasHandle>(null);
  const [model, setModel] = useState<ChartModel>(emptyChart);
  const [positions, setPositions] = useState<SavedChart['positions']>();
  // The selected element: an entity or a link (their ids never collide).
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedNode = selectedId && model.nodes.has(selectedId) ? selectedId : null;
  const selectedEdge = selectedId ? model.edges.get(selectedId) : undefined;
  const [start, setStart] = useState(initialStart);
  const [hops, setHops] = useState(1);
  const [types, setTypes] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [pathFrom, setPathFrom] = useState('');
  const [pathTo, setPathTo] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  // The last path's length in links (-1: none), for tests and assistive tech that read attributes.
  const [pathLinks, setPathLinks] = useState<number>();
  const [analysed, setAnalysed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const charts = useResource(() => graphApi.charts(), []);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await work());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const expand = (ids: string[]) =>
    run(async () => {
      const sub = await graphApi.expand({ ids, hops, types, from: from || undefined, to: to || undefined });
      setModel((m) => mergeSubgraph({ ...m, path: null }, sub));
      return `${t('chart.counts', { nodes: sub.nodes.length, edges: sub.edges.length })}${sub.truncated ? ` ${t('chart.truncated')}` : ''}`;
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: expand once for the entity named in the address
  useEffect(() => {
    if (uuid.test(initialStart)) void expand([initialStart]);
  }, []);

  const findPath = () =>
    run(async () => {
      const path = await graphApi.path(pathFrom, pathTo);
      if (!path.found) {
        setModel((m) => ({ ...m, path: null }));
        setPathLinks(-1);
        return t('chart.noPath');
      }
      setModel((m) => ({
        ...mergeSubgraph(m, path),
        path: { nodeIds: path.nodes.map((n) => n.id), edgeIds: path.edges.map((e) => e.id) },
      }));
      setPathLinks(path.edges.length);
      return t('chart.pathFound', { count: path.edges.length });
    });

  const analyse = () =>
    run(async () => {
      const analysis = await graphApi.analyse([...model.nodes.keys()]);
      setModel((m) => ({ ...m, analysis }));
      setAnalysed(true);
      return t('chart.analysed', { communities: new Set(Object.values(analysis.communities)).size });
    });

  const save = () =>
    run(async () => {
      const saved = await graphApi.saveChart({
        name,
        nodeIds: [...model.nodes.keys()],
        positions: canvas.current?.positions() ?? {},
      });
      charts.reload();
      return t('chart.saved', { name: saved.name });
    });

  const open = (chart: SavedChart) =>
    run(async () => {
      const wanted = new Set(chart.nodeIds);
      let next: ChartModel = emptyChart;
      for (let i = 0; i < chart.nodeIds.length; i += 50) {
        const sub = await graphApi.expand({ ids: chart.nodeIds.slice(i, i + 50), hops: 1 });
        next = mergeSubgraph(next, { nodes: sub.nodes.filter((n) => wanted.has(n.id)), edges: sub.edges });
      }
      setPositions(chart.positions);
      setModel(next);
      setName(chart.name);
      return t('chart.counts', { nodes: next.nodes.size, edges: next.edges.size });
    });

  const exportPng = () => {
    const blob = canvas.current?.png();
    if (!blob) return;
    const file = chartFileName(name || t('chart.title'));
    const href = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.download = file;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    setStatus(t('chart.exported', { file }));
  };

  const nodes = [...model.nodes.values()].sort((a, b) => a.caption.localeCompare(b.caption));
  const nodeOptions = nodes.map((n) => (
    <option key={n.id} value={n.id}>
      {n.caption} · {entityTypeLabel(n.type, i18n.language)}
    </option>
  ));
  const empty = model.nodes.size === 0;

  return (
    <div className="page chart-page" data-testid="chart-page">
      <PageHeader title={t('chart.title')}>
        <button
          type="button"
          className="button"
          disabled={empty || busy}
          onClick={() => void analyse()}
          data-testid="chart-analyse"
        >
          {t('chart.analyse')}
        </button>
        <button
          type="button"
          className="button"
          disabled={empty}
          onClick={exportPng}
          data-testid="chart-export"
        >
          {t('chart.exportPng')}
        </button>
      </PageHeader>
      <p
        className="chart-status"
        role="status"
        aria-live="polite"
        data-testid="chart-status"
        data-path-links={pathLinks}
        data-analysed={analysed || undefined}
      >
        {status}
      </p>
      <ProblemNotice error={error} />
      <div className="chart-layout">
        <div className="chart-side">
          <Panel title={t('chart.expand')}>
            <form
              className="form"
              data-testid="chart-expand-form"
              onSubmit={(event) => {
                event.preventDefault();
                void expand([selectedNode ?? start.trim()]);
              }}
            >
              <Field label={t('chart.start')} hint={t('chart.startHint')}>
                {(control) => (
                  <input {...control} name="start" value={start} onChange={(e) => setStart(e.target.value)} />
                )}
              </Field>
              <Field label={t('chart.hops')}>
                {(control) => (
                  <select
                    {...control}
                    name="hops"
                    value={hops}
                    onChange={(e) => setHops(Number(e.target.value))}
                  >
                    {[1, 2, 3, 4].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
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
                <Field label={t('chart.from')}>
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      name="from"
                      value={from}
                      onChange={(e) => setFrom(e.target.value)}
                    />
                  )}
                </Field>
                <Field label={t('chart.to')}>
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      name="to"
                      value={to}
                      onChange={(e) => setTo(e.target.value)}
                    />
                  )}
                </Field>
              </div>
              <div className="form-actions">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={busy || (!selectedNode && !uuid.test(start.trim()))}
                >
                  {selectedNode ? t('chart.expandSelected') : t('chart.expand')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={empty}
                  onClick={() => setModel(emptyChart)}
                >
                  {t('chart.clear')}
                </button>
              </div>
            </form>
          </Panel>
          <Panel title={t('chart.findPath')}>
            <form
              className="form"
              data-testid="chart-path-form"
              onSubmit={(event) => {
                event.preventDefault();
                void findPath();
              }}
            >
              <Field label={t('chart.pathFrom')}>
                {(control) => (
                  <select
                    {...control}
                    name="pathFrom"
                    value={pathFrom}
                    onChange={(e) => setPathFrom(e.target.value)}
                  >
                    <option value="">{t('chart.pickNode')}</option>
                    {nodeOptions}
                  </select>
                )}
              </Field>
              <Field label={t('chart.pathTo')}>
                {(control) => (
                  <select
                    {...control}
                    name="pathTo"
                    value={pathTo}
                    onChange={(e) => setPathTo(e.target.value)}
                  >
                    <option value="">{t('chart.pickNode')}</option>
                    {nodeOptions}
                  </select>
                )}
              </Field>
              <div className="form-actions">
                <button
                  type="submit"
                  className="button"
                  disabled={busy || !pathFrom || !pathTo || pathFrom === pathTo}
                >
                  {t('chart.findPath')}
                </button>
              </div>
            </form>
          </Panel>
          <Panel title={t('chart.savedCharts')}>
            <form
              className="form-inline"
              data-testid="chart-save-form"
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <Field label={t('chart.name')}>
                {(control) => (
                  <input
                    {...control}
                    name="name"
                    value={name}
                    required
                    maxLength={200}
                    onChange={(e) => setName(e.target.value)}
                  />
                )}
              </Field>
              <div className="form-actions">
                <button type="submit" className="button" disabled={busy || empty || !name.trim()}>
                  {t('chart.save')}
                </button>
              </div>
            </form>
            {charts.data?.length ? (
              <ul className="plain-list" data-testid="saved-charts">
                {charts.data.map((chart) => (
                  <li key={chart.id}>
                    <button type="button" className="link-button" onClick={() => void open(chart)}>
                      {t('chart.open')}: {chart.name}
                    </button>{' '}
                    <span className="muted">({chart.nodeIds.length})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('chart.noCharts')}</p>
            )}
          </Panel>
        </div>
        <div className="chart-main">
          <ChartCanvas
            ref={canvas}
            model={model}
            selectedId={selectedId}
            onSelect={setSelectedId}
            positions={positions}
          />
          {empty && <p className="chart-empty muted">{t('chart.empty')}</p>}
          <Legend />
          {selectedEdge && (
            <SelectedLink
              key={selectedEdge.id}
              model={model}
              edge={selectedEdge}
              onDeleted={() => {
                setSelectedId(null);
                setModel((m) => {
                  const edges = new Map(m.edges);
                  edges.delete(selectedEdge.id);
                  return { ...m, edges, path: null };
                });
                setStatus(t('link.deleted'));
              }}
            />
          )}
          <NodeList model={model} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
      </div>
    </div>
  );
}

/** The link selected on the chart: what it joins, and deleting it after a confirm step. */
function SelectedLink({ model, edge, onDeleted }: { model: ChartModel; edge: ChartEdge; onDeleted(): void }) {
  const { t, i18n } = useTranslation('graph');
  const can = useCan();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const caption = (id: string) => model.nodes.get(id)?.caption ?? id;
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphApi.deleteLink(edge.id);
      onDeleted();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <section className="panel chart-selected-link" data-testid="chart-selected-link" aria-live="polite">
      <p>
        <strong>{t('link.selected')}</strong> {caption(edge.sourceId)} —{' '}
        {linkTypeLabel(edge.type, i18n.language)} → {caption(edge.targetId)}
      </p>
      {can('entities.write') &&
        (confirming ? (
          <div className="confirm-box" role="alertdialog" aria-label={t('link.delete')}>
            <p>{t('link.confirm')}</p>
            <div className="form-actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="chart-link-delete-confirm"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('link.deleteButton')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                {t('edit.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-danger"
            data-testid="chart-link-delete"
            onClick={() => setConfirming(true)}
          >
            {t('link.delete')}
          </button>
        ))}
      <ProblemNotice error={error} />
    </section>
  );
}

function Legend() {
  const { t, i18n } = useTranslation('graph');
  return (
    <ul className="chart-legend" aria-label={t('chart.legend')}>
      {Object.entries(typeColours).map(([type, colour]) => (
        <li key={type}>
          <svg width="10" height="10" aria-hidden="true">
            <circle cx="5" cy="5" r="5" fill={colour} />
          </svg>{' '}
          {entityTypeLabel(type, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

/** The chart's entities as a list: the keyboard and screen-reader way to select and open them. */
function NodeList({
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
