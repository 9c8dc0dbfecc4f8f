import type { OperationStatus } from '@liaison/core/operations/schemas';
import type { BadgeTone } from '../../ui/Badge.tsx';

/** The colour of a status badge; the label always says it in words too. */
export const statusTone: Record<OperationStatus, BadgeTone> = {
  planning: 'info',
  go: 'ok',
  no_go: 'danger',
  under_way: 'warn',
  completed: 'neutral',
  cancelled: 'neutral',
};

/** Non-empty trimmed lines of a multi-line field (persons, addresses, risks one per line). */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A number field's value, or nothing when it is empty or not a number. */
export function numberOrNothing(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
