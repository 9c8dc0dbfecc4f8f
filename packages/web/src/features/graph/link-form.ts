import type { EntityType } from '@liaison/core/graph/entity-types';
import { type LinkType, type LinkTypeSpec, linkTypes } from '@liaison/core/graph/link-types';
import type { PropertySpec } from '@liaison/core/graph/property-spec';

/** A link type that can start at an entity of some type, with the entity types its other end may have. */
export interface LinkChoice {
  type: LinkType;
  targets: readonly EntityType[];
}

/**
 * The link types that may be drawn from an entity of this type and what each may join it to: the type's
 * sources and targets as described in core, both ways round for the symmetric ones, the same type for same_as.
 */
export function linkChoicesFrom(sourceType: string): LinkChoice[] {
  const choices: LinkChoice[] = [];
  for (const [type, spec] of Object.entries(linkTypes) as [LinkType, LinkTypeSpec][]) {
    const from = sourceType as EntityType;
    const targets = new Set<EntityType>();
    if (spec.sources.includes(from)) for (const target of spec.targets) targets.add(target);
    if (!spec.directed && spec.targets.includes(from)) for (const source of spec.sources) targets.add(source);
    if (spec.sameTypeOnly) for (const target of [...targets]) if (target !== from) targets.delete(target);
    if (targets.size) choices.push({ type, targets: [...targets] });
  }
  return choices;
}

/** The properties of a link type, for its form. */
export function linkProperties(type: string): readonly PropertySpec[] {
  return (linkTypes as Record<string, LinkTypeSpec>)[type]?.properties ?? [];
}

/** A `datetime-local` field's value (read in the officer's zone) as the ISO time with offset the server takes. */
function isoTime(local: string): string {
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString();
}

export interface LinkDraft {
  type: string;
  sourceId: string;
  targetId: string;
  validFrom: string;
  validTo: string;
  properties: Record<string, string>;
}

/**
 * The body for POST /links from the form's text values: numbers as numbers, times with their offset, empty
 * fields left out (the server names what is missing or wrong, e.g. a transfer without its amount).
 */
export function linkBody(draft: LinkDraft): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const spec of linkProperties(draft.type)) {
    const text = (draft.properties[spec.name] ?? '').trim();
    if (!text) continue;
    if (spec.type === 'number') properties[spec.name] = Number(text);
    else if (spec.type === 'datetime') properties[spec.name] = isoTime(text);
    else if (spec.format === 'currency') properties[spec.name] = text.toUpperCase();
    else properties[spec.name] = text;
  }
  return {
    type: draft.type,
    sourceId: draft.sourceId,
    targetId: draft.targetId,
    properties,
    ...(draft.validFrom && { validFrom: draft.validFrom }),
    ...(draft.validTo && { validTo: draft.validTo }),
  };
}
