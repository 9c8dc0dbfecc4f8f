import type { Language } from '@liaison/core';
import { crimeTaxonomy } from '@liaison/core/cases/index';
import type { BadgeTone } from '../../ui/Badge.tsx';

/** A crime type's label in the UI language (the taxonomy carries its own labels as data). */
export function crimeTypeLabel(code: string, language: string): string {
  const node = crimeTaxonomy.find((n) => n.code === code);
  return node ? node.label[(language as Language) in node.label ? (language as Language) : 'en'] : code;
}

export const tlpTone: Record<string, BadgeTone> = {
  RED: 'danger',
  'AMBER+STRICT': 'warn',
  AMBER: 'warn',
  GREEN: 'ok',
  CLEAR: 'neutral',
};
export const statusTone: Record<string, BadgeTone> = {
  open: 'info',
  active: 'ok',
  suspended: 'warn',
  closed: 'neutral',
};
export const priorityTone: Record<string, BadgeTone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warn',
  critical: 'danger',
};

/** Whole days since a moment, for "age" in the case summary. */
export function ageInDays(since: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 86_400_000));
}
