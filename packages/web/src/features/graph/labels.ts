import type { Language } from '@liaison/core';
import { entityTypes, isEntityType } from '@liaison/core/graph/entity-types';
import { linkTypes } from '@liaison/core/graph/link-types';

function pick(label: Record<Language, string>, language: string): string {
  return label[(language in label ? language : 'en') as Language];
}

/** An entity type's name in the UI language (the type descriptions carry their own labels as data). */
export function entityTypeLabel(type: string, language: string): string {
  return isEntityType(type) ? pick(entityTypes[type].label, language) : type;
}

export function linkTypeLabel(type: string, language: string): string {
  const spec = (linkTypes as Record<string, { label: Record<Language, string> }>)[type];
  return spec ? pick(spec.label, language) : type;
}

/** One distinct colour per entity type on the chart; the legend and the node's label repeat the type in words. */
export const typeColours: Record<string, string> = {
  person: '#2f6fdf',
  organisation: '#7a4fd6',
  compound: '#c2410c',
  phone: '#0f8a6a',
  email: '#6b7280',
  bank_account: '#b7791f',
  crypto_wallet: '#be185d',
  messenger_account: '#0e7490',
  website: '#4d7c0f',
  vehicle: '#475569',
  identity_document: '#9f1239',
};

/** Colours for communities (Louvain), repeating after twelve. */
export const communityColours = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
];

/** A file name for an exported chart: `liaison-chart-<name>-<yyyy-mm-dd>.png`, safe on every file system. */
export function chartFileName(name: string, now: Date = new Date()): string {
  const slug = name
    .normalize('NFKC')
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `liaison-chart-${slug || 'untitled'}-${now.toISOString().slice(0, 10)}.png`;
}
