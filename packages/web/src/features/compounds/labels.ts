import { type CompoundStatus, compoundStatuses } from '@liaison/core/compounds/compound-schema';
import { cambodianProvinceCodes, cambodianProvinces } from '@liaison/core/graph/provinces';
import type { BadgeTone } from '../../ui/Badge.tsx';

export { compoundStatuses };

/** The colour of a status badge; the label always says it in words too. */
export const statusTone: Record<CompoundStatus, BadgeTone> = {
  active: 'danger',
  raided: 'ok',
  relocated: 'warn',
  closed: 'neutral',
};

export const riskTone: Record<string, BadgeTone> = {
  critical: 'danger',
  high: 'warn',
  medium: 'info',
  low: 'neutral',
};

export const provinceIds = cambodianProvinceCodes;

/** A province's name in the reader's language (the code itself only for one the core does not know). */
export function provinceLabel(id: string, language: string): string {
  const labels = cambodianProvinces[id as keyof typeof cambodianProvinces];
  if (!labels) return id;
  return language === 'ko' ? labels.ko : language === 'km' ? labels.km : labels.en;
}
