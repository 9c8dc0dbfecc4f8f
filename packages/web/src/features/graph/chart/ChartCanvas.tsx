import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { communityColours, entityTypeLabel, linkTypeLabel, typeColours } from '../labels.ts';
import { chartFontFamily, loadChartFonts } from './chart-fonts.ts';
import { type ChartModel, nodeSizes } from './chart-model.ts';

export interface ChartCanvasHandle {
  /** The whole chart as a PNG data URI at twice the screen's resolution (null before it is drawn). */
  pngUri(): string | null;
  positions(): Record<string, { x: number; y: number }>;
}

interface ChartCanvasProps {
  model: ChartModel;
  selectedId: string | null;
  onSelect(id: string | null): void;
  /** Saved positions to place nodes at instead of laying them out. */
  positions?: Record<string, { x: number; y: number }> | undefined;
}

// Labels at a size that reads on screen and in the export (edge labels were 9 px, drawn at about 7 when fitted).
const chartStyle = (fontFamily: string): cytoscape.StylesheetJson => [
  {
    selector: 'node',
    style: {
      'font-family': fontFamily,
      'background-color': 'data(colour)',
      label: 'data(label)',
      width: 'data(size)',
      height: 'data(size)',
      'font-size': 13,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      color: '#1f2933',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '2px',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9aa5b1',
      'target-arrow-color': '#9aa5b1',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-family': fontFamily,
      'font-size': 12,
      color: '#3e4c59',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f5a623' } },
  {
    selector: 'edge:selected',
    style: { width: 4, 'line-color': '#f5a623', 'target-arrow-color': '#f5a623', 'z-index': 20 },
  },
  { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#d62728' } },
  {
    selector: 'edge.path',
    style: { width: 5, 'line-color': '#d62728', 'target-arrow-color': '#d62728', 'z-index': 10 },
  },
];

/**
 * cytoscape prepends an inline <style> that gives its container `position: relative`, unless an element with this
 * id is already in the document. The node's CSP (style-src 'self') refuses inline styles, so the chart's own
 * stylesheet positions the container (`.chart-canvas` in graph.css) and an empty marker keeps cytoscape from trying.
 */
const cytoscapeStylesheetId = '__________cytoscape_stylesheet';
function claimCytoscapeStylesheet() {
  if (document.getElementById(cytoscapeStylesheetId)) return;
  const marker = document.createElement('meta');
  marker.id = cytoscapeStylesheetId;
  document.head.append(marker);
}

/** The cytoscape canvas: it mirrors the model, keeps positions of existing nodes and lays out new ones. */
export const ChartCanvas = forwardRef<ChartCanvasHandle, ChartCanvasProps>(function ChartCanvas(
  { model, selectedId, onSelect, positions },
  ref,
) {
  const { t, i18n } = useTranslation('graph');
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  // biome-ignore lint/correctness/useExhaustiveDependencies: one canvas per page; a new language restyles it below
  useEffect(() => {
    claimCytoscapeStylesheet();
    const instance = cytoscape({
      container: container.current,
      style: chartStyle(chartFontFamily(i18n.language)),
      wheelSensitivity: 0.3,
      minZoom: 0.2,
    });
    instance.on('tap', 'node', (event) => onSelectRef.current(event.target.id()));
    instance.on('tap', 'edge', (event) => onSelectRef.current(event.target.id()));
    instance.on('tap', (event) => event.target === instance && onSelectRef.current(null));
    cy.current = instance;
    return () => instance.destroy();
  }, []);

  useImperativeHandle(ref, () => ({
    pngUri: () =>
      cy.current ? cy.current.png({ full: true, output: 'base64uri', bg: '#ffffff', scale: 2 }) : null,
    positions: () =>
      Object.fromEntries(
        (cy.current?.nodes().toArray() ?? []).map((n) => [n.id(), { ...n.position() }] as const),
      ),
  }));

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const language = i18n.language;
    const sizes = nodeSizes(model.analysis);
    const colourOf = (id: string, type: string) => {
      const community = model.analysis?.communities[id];
      return community === undefined
        ? (typeColours[type] ?? '#607080')
        : communityColours[community % communityColours.length]!;
    };
    const added: ElementDefinition[] = [];
    instance.batch(() => {
      for (const element of instance.elements().toArray())
        if (!model.nodes.has(element.id()) && !model.edges.has(element.id())) element.remove();
      for (const node of model.nodes.values()) {
        const data = {
          id: node.id,
          label: `${node.caption} · ${entityTypeLabel(node.type, language)}`,
          colour: colourOf(node.id, node.type),
          size: sizes[node.id] ?? 28,
        };
        const existing = instance.getElementById(node.id);
        if (existing.nonempty()) existing.data(data);
        else
          added.push({ group: 'nodes', data, ...(positions?.[node.id] && { position: positions[node.id] }) });
      }
      for (const edge of model.edges.values()) {
        const data = {
          id: edge.id,
          source: edge.sourceId,
          target: edge.targetId,
          label: linkTypeLabel(edge.type, language),
        };
        if (instance.getElementById(edge.id).empty()) added.push({ group: 'edges', data });
        else instance.getElementById(edge.id).data(data);
      }
      if (added.length) instance.add(added);
      const onPath = new Set([...(model.path?.nodeIds ?? []), ...(model.path?.edgeIds ?? [])]);
      instance.elements().forEach((element) => {
        element.toggleClass('path', onPath.has(element.id()));
      });
    });
    const newNodes = added.filter((e) => e.group === 'nodes');
    if (newNodes.length > 0 && !newNodes.every((n) => n.position)) {
      instance
        .layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true })
        .run();
      instance.fit(undefined, 40);
    } else if (newNodes.length > 0) instance.fit(undefined, 40);
    // Draw again once the bundled faces cover every label (they load by unicode range, on demand).
    const family = chartFontFamily(language);
    const texts = instance
      .elements()
      .toArray()
      .map((element) => String(element.data('label') ?? ''));
    const holder = container.current;
    holder?.removeAttribute('data-fonts');
    let current = true;
    void loadChartFonts(texts).then(() => {
      if (!current || instance.destroyed()) return;
      instance.style(chartStyle(family));
      holder?.setAttribute('data-fonts', 'ready');
    });
    return () => {
      current = false;
    };
  }, [model, positions, i18n.language]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.elements().unselect();
    if (selectedId) instance.getElementById(selectedId).select();
  }, [selectedId]);

  return (
    <div
      ref={container}
      className="chart-canvas"
      role="img"
      aria-label={t('chart.chartLabel')}
      data-testid="chart-canvas"
    />
  );
});
