import { entityTypes, isEntityType } from '@liaison/core/graph/entity-types';
import type { PropertySpec } from '@liaison/core/graph/property-spec';
import { nameScript } from './property-value.ts';

/** The properties a person fills in by hand; photos and map points come from elsewhere. */
export function formProperties(type: string): readonly PropertySpec[] {
  if (!isEntityType(type)) return [];
  return entityTypes[type].properties.filter((p) => p.type !== 'geo' && p.name !== 'photos');
}

/**
 * The entity body for POST /entities from the form's text values: names in any script become one primary name
 * of that script, lists are comma-separated, empty fields are left out (the server says what is missing).
 */
export function entityBody(
  type: string,
  values: Record<string, string>,
  extra: { caseId?: string; role?: string } = {},
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const spec of formProperties(type)) {
    const text = (values[spec.name] ?? '').trim();
    if (!text) continue;
    if (spec.type === 'names')
      properties[spec.name] = [{ value: text, script: nameScript(text), kind: 'primary' }];
    else if (spec.type === 'string[]')
      properties[spec.name] = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    else if (spec.type === 'number') properties[spec.name] = Number(text);
    else properties[spec.name] = text;
  }
  return {
    type,
    properties,
    ...(extra.caseId && { caseId: extra.caseId }),
    ...(extra.role && type === 'person' && { role: extra.role }),
  };
}
