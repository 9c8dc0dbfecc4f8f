import type { Permission } from '@liaison/core';
import type { ComponentType } from 'react';
import type { CaseView } from './cases-api.ts';

/** What a panel on the case page receives. */
export interface CaseSlotProps {
  caseId: string;
  caseRecord: CaseView;
}

/**
 * Where a panel shows on the case page: the "Entities" and "Hits" tabs are filled by the graph feature, the
 * "Partners" tab (`sharing`) by the sharing feature; `notices` sit at the top of the summary, unframed (e.g.
 * "Shared by KNPA" on a partner's mirrored case), and render nothing when they have nothing to say. An
 * `owner` panel replaces the summary's "Owner: …" line (the sharing feature knows whose a mirrored case is).
 */
export type CaseSlotName = 'entities' | 'hits' | 'sharing' | 'notices' | 'owner';

export interface CasePanel {
  id: string;
  slot: CaseSlotName;
  /** `namespace:key` of the panel's title in its own feature's i18n.ts. */
  labelKey: string;
  permission?: Permission;
  component: ComponentType<CaseSlotProps>;
}

const panels: CasePanel[] = [];

/**
 * The extension point of the case page. Another feature registers its panels from its own module, e.g. in
 * `features/graph/case-panels.ts`: `registerCasePanel({ id: 'graph-entities', slot: 'entities', … })`. The case
 * page loads every `features/<feature>/case-panels.ts` itself, so no file of the cases feature needs editing.
 */
export function registerCasePanel(panel: CasePanel): void {
  const existing = panels.findIndex((p) => p.id === panel.id);
  if (existing >= 0) panels.splice(existing, 1, panel);
  else panels.push(panel);
}

export function casePanels(slot: CaseSlotName): readonly CasePanel[] {
  return panels.filter((p) => p.slot === slot);
}
