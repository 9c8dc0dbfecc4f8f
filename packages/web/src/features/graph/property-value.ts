import type { Language } from '@liaison/core';
import { entityTypes, isEntityType } from '@liaison/core/graph/entity-types';

interface NameLike {
  value: string;
  script?: string;
  kind?: string;
}

function isName(value: unknown): value is NameLike {
  return typeof value === 'object' && value !== null && typeof (value as NameLike).value === 'string';
}

/** A property value as one line of text: names with their script, lists joined, enum codes as their label. */
export function propertyText(type: string, name: string, value: unknown, language: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map((item) => (isName(item) ? `${item.value}${item.kind ? ` (${item.kind})` : ''}` : String(item)))
      .join(', ');
  if (typeof value === 'object') {
    const point = value as { lat?: number; lon?: number };
    if (typeof point.lat === 'number' && typeof point.lon === 'number') return `${point.lat}, ${point.lon}`;
    return JSON.stringify(value);
  }
  if (isEntityType(type)) {
    const spec = entityTypes[type].properties.find((p) => p.name === name) as
      | { valueLabels?: Record<string, Record<Language, string>> }
      | undefined;
    const label = spec?.valueLabels?.[String(value)];
    if (label) return label[(language in label ? language : 'en') as Language];
  }
  return String(value);
}

/** The script of a typed name, so a name can be entered in one box in any script. */
export function nameScript(value: string): 'hangul' | 'khmer' | 'han' | 'latin' | 'other' {
  if (/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/.test(value)) return 'hangul';
  if (/[\u1780-\u17ff]/.test(value)) return 'khmer';
  if (/[\u4e00-\u9fff]/.test(value)) return 'han';
  if (/[A-Za-z]/.test(value)) return 'latin';
  return 'other';
}
