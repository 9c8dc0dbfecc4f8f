import type { SavedChart } from '@liaison/core/graph/index';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../app/use-resource.ts';
import { useSubmission } from '../../../ui/use-submission.ts';
import { type ExpandQuery, graphApi } from '../graph-api.ts';
import { chartFileName } from '../labels.ts';
import type { ChartCanvasHandle } from './ChartCanvas.tsx';
import { type ChartModel, emptyChart, mergeSubgraph } from './chart-model.ts';
import { downloadBlob } from './download.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an entity id typed or pasted into the start field (anything else cannot be expanded). */
export const isEntityId = (text: string) => uuid.test(text);

/** How far and through what an expansion goes: everything of the expand query but the starting ids. */
export type ExpandFilter = Omit<ExpandQuery, 'ids'>;

/**
 * The link chart's state and what can be done to it: expand, find a path, analyse, save, reopen, export.
 * Each action reports what it did as a status line, or keeps its failure as `error`.
 */
export function useChart() {
  const { t } = useTranslation('graph');
  const canvas = useRef<ChartCanvasHandle>(null);
  const [model, setModel] = useState<ChartModel>(emptyChart);
  const [positions, setPositions] = useState<SavedChart['positions']>();
  // The selected element: an entity or a link (their ids never collide).
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  // The last path's length in links (-1: none), for tests and assistive tech that read attributes.
  const [pathLinks, setPathLinks] = useState<number>();
  const [analysed, setAnalysed] = useState(false);
  const { error, busy, submit } = useSubmission();
  const charts = useResource(() => graphApi.charts(), []);

  const run = (work: () => Promise<string>) => submit(async () => setStatus(await work()));

  const expand = (ids: string[], filter: ExpandFilter) =>
    run(async () => {
      const sub = await graphApi.expand({ ids, ...filter });
      setModel((m) => mergeSubgraph({ ...m, path: null }, sub));
      return `${t('chart.counts', { nodes: sub.nodes.length, edges: sub.edges.length })}${sub.truncated ? ` ${t('chart.truncated')}` : ''}`;
    });

  const findPath = (from: string, to: string) =>
    run(async () => {
      const path = await graphApi.path(from, to);
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
    downloadBlob(blob, file);
    setStatus(t('chart.exported', { file }));
  };

  /** Takes a link the user deleted off the chart (and any path through it). */
  const linkDeleted = (id: string) => {
    setSelectedId(null);
    setModel((m) => {
      const edges = new Map(m.edges);
      edges.delete(id);
      return { ...m, edges, path: null };
    });
    setStatus(t('link.deleted'));
  };

  return {
    canvas,
    model,
    positions,
    selectedId,
    select: setSelectedId,
    /** The selected entity, if the selection is one. */
    selectedNode: selectedId && model.nodes.has(selectedId) ? selectedId : null,
    /** The selected link, if the selection is one. */
    selectedEdge: selectedId ? model.edges.get(selectedId) : undefined,
    name,
    setName,
    status,
    pathLinks,
    analysed,
    error,
    busy,
    charts,
    expand,
    findPath,
    analyse,
    save,
    open,
    exportPng,
    clear: () => setModel(emptyChart),
    linkDeleted,
  };
}

export type Chart = ReturnType<typeof useChart>;
