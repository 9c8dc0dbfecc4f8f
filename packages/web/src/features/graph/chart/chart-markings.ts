import { tlpLevels } from '@liaison/core/markings/markings';
import type { ChartModel } from './chart-model.ts';

/** The markings of what a chart shows: the strictest TLP among its records, their handling codes and owners. */
export interface ChartMarkings {
  tlp: string | null;
  handlingCodes: string[];
  agencies: string[];
}

export function chartMarkings(model: Pick<ChartModel, 'nodes'>): ChartMarkings {
  const nodes = [...model.nodes.values()];
  const ranks = nodes
    .map((n) => tlpLevels.indexOf(n.tlp as (typeof tlpLevels)[number]))
    .filter((rank) => rank >= 0);
  const sorted = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    tlp: ranks.length ? tlpLevels[Math.min(...ranks)]! : null,
    handlingCodes: sorted(nodes.map((n) => n.handlingCode)),
    agencies: sorted(nodes.map((n) => n.ownerAgency)),
  };
}
