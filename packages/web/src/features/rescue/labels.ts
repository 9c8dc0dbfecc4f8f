import { rescueStateLabels } from '@liaison/core/rescue/states';
import type { BadgeTone } from '../../ui/Badge.tsx';

export function stateLabel(state: string, language: string): string {
  const labels = rescueStateLabels[state as keyof typeof rescueStateLabels];
  if (!labels) return state;
  return language === 'ko' ? labels.ko : language === 'km' ? labels.km : labels.en;
}

export const riskTone: Record<string, BadgeTone> = {
  critical: 'danger',
  high: 'warn',
  medium: 'info',
  low: 'neutral',
};
