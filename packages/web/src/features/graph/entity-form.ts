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

function primaryName(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const names = value as Array<{ value?: string; kind?: string }>;
  return (names.find((n) => n.kind === 'primary') ?? names[0])?.value ?? '';
}

/** The form's text values for an entity as stored: the primary name, lists comma-separated. */
export function formValues(type: string, properties: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const spec of formProperties(type)) {
    const value = properties[spec.name];
    if (value === undefined || value === null) continue;
    if (spec.type === 'names') values[spec.name] = primaryName(value);
    else if (Array.isArray(value)) values[spec.name] = value.map(String).join(', ');
    else values[spec.name] = String(value);
  }
  return values;
}

/**
 * The body for PATCH /entities/:id: the stored properties with the fields the person changed replaced. A field
 * left as it was keeps its stored value whole (a person's other names, photos and map points are not in the form).
 * Changing the primary name replaces only that name.
 */
export function editBody(
  type: string,
  stored: Record<string, unknown>,
  values: Record<string, string>,
  version: number,
): { version: number; properties: Record<string, unknown> } {
  const before = formValues(type, stored);
  const typed = entityBody(type, values).properties as Record<string, unknown>;
  const properties: Record<string, unknown> = { ...stored };
  for (const spec of formProperties(type)) {
    if ((values[spec.name] ?? '').trim() === (before[spec.name] ?? '').trim()) continue;
    const next = typed[spec.name];
    if (next === undefined) delete properties[spec.name];
    else if (spec.type === 'names' && Array.isArray(stored[spec.name])) {
      const names = stored[spec.name] as Array<{ kind?: string }>;
      const at = Math.max(
        0,
        names.findIndex((n) => n.kind === 'primary'),
      );
      const replaced = [...names];
      replaced.splice(at, 1, (next as unknown[])[0] as { kind?: string });
      properties[spec.name] = replaced;
    } else properties[spec.name] = next;
  }
  return { version, properties };
}
