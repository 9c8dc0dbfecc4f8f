import { z } from 'zod';

/*
 * What the server answers for link charts: expansion, paths, analysis and saved charts (the response schemas of
 * the graph and chart routes). Only the fields named here are sent.
 */

/** An entity on a chart: enough to draw and label it. */
export const ChartNode = z.object({
  id: z.guid(),
  type: z.string(),
  caption: z.string(),
  ownerAgency: z.string(),
  /** The record's markings, so an exported chart can carry the strictest of what it shows. */
  tlp: z.string().optional(),
  handlingCode: z.string().optional(),
});
export type ChartNode = z.infer<typeof ChartNode>;

/** A link on a chart. */
export const ChartEdge = z.object({
  id: z.guid(),
  type: z.string(),
  sourceId: z.guid(),
  targetId: z.guid(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  properties: z.record(z.string(), z.unknown()),
});
export type ChartEdge = z.infer<typeof ChartEdge>;

/** The entities within k links of the start entities, each with its distance in links. */
export const GraphExpansion = z.object({
  nodes: z.array(ChartNode.extend({ hop: z.int() })),
  edges: z.array(ChartEdge),
  /** The expansion stopped at the chart's size limit. */
  truncated: z.boolean(),
});
export type GraphExpansion = z.infer<typeof GraphExpansion>;

/** The fewest-links path between two entities through visible entities, when there is one. */
export const GraphPath = z.object({
  found: z.boolean(),
  nodes: z.array(ChartNode),
  edges: z.array(ChartEdge),
});
export type GraphPath = z.infer<typeof GraphPath>;

/** Communities (entity → community number) and the most central entities of a chart. */
export const ChartAnalysis = z.object({
  communities: z.record(z.string(), z.int()),
  central: z.array(z.object({ id: z.guid(), degree: z.number(), betweenness: z.number() })),
});
export type ChartAnalysis = z.infer<typeof ChartAnalysis>;

/** A saved link chart, showing only the entities the reader may see now. */
export const SavedChart = z.object({
  id: z.guid(),
  name: z.string(),
  ownerId: z.guid(),
  nodeIds: z.array(z.guid()),
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SavedChart = z.infer<typeof SavedChart>;
