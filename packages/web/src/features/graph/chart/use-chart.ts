import type { ChartNode, LinkView, SavedChart } from '@liaison/core/graph/index';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session.tsx';
import { useResource } from '../../../app/use-resource.ts';
import { useSubmission } from '../../../ui/use-submission.ts';
import { type ExpandQuery, graphApi } from '../graph-api.ts';
import { chartFileName } from '../labels.ts';
import type { ChartCanvasHandle } from './ChartCanvas.tsx';
import { chartFontFamily, loadChartFonts } from './chart-fonts.ts';
import { chartMarkings } from './chart-markings.ts';
import { type ChartModel, emptyChart, mergeSubgraph } from './chart-model.ts';
import { downloadBlob } from './download.ts';
import { markedPng } from './marked-png.ts';

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
  const { t, i18n } = useTranslation('graph');
  const me = useMe();
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
  const [exported, setExported] = useState<string>();
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

  /** What the chart is called: its saved name, else the entity it started from. */
  const title = () => name.trim() || [...model.nodes.values()][0]?.caption || t('chart.title');

  /** The PNG, named after the chart, with the markings of what it shows (strictest TLP first) written above it. */
  const exportPng = () =>
    run(async () => {
      const picture = canvas.current?.pngUri();
      if (!picture) return '';
      const marks = chartMarkings(model);
      const now = new Date();
      const lines = [
        `${marks.tlp ? `TLP:${marks.tlp} · ` : ''}${title()}`,
        t('chart.exportRecords', {
          agencies: marks.agencies.join(', '),
          handling: marks.handlingCodes.join(', ') || '—',
          counts: t('chart.counts', { nodes: model.nodes.size, edges: model.edges.size }),
        }),
        t('chart.exportBy', {
          user: me.displayName,
          agency: me.agencyCode,
          time: new Intl.DateTimeFormat(i18n.language, {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: me.timeZone,
            timeZoneName: 'short',
          }).format(now),
        }),
      ];
      const family = chartFontFamily(i18n.language);
      await loadChartFonts(lines, 28);
      const blob = await markedPng(picture, lines, family);
      const file = chartFileName(title(), now);
      downloadBlob(blob, file);
      setExported(file);
      return t('chart.exported', { file });
    });

  /** Puts a link the officer drew on the chart, with its other end. */
  const linkCreated = (link: LinkView, target: ChartNode) =>
    run(async () => {
      // The other end as the chart knows entities (with its markings, which the export carries).
      const sub = await graphApi.expand({ ids: [target.id], hops: 1 });
      const node = sub.nodes.find((n) => n.id === target.id) ?? target;
      setModel((m) => mergeSubgraph({ ...m, path: null }, { nodes: [node], edges: [link] }));
      return t('link.created');
    });

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
    exported,
    clear: () => setModel(emptyChart),
    linkDeleted,
    linkCreated,
  };
}

export type Chart = ReturnType<typeof useChart>;
