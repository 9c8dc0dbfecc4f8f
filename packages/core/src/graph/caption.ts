import type { Language } from '../accounts/schemas.ts';
import { type CaptionPart, type EntityType, entityTypes } from './entity-types.ts';
import type { PersonName, PropertySpec } from './property-spec.ts';

function primaryName(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value as PersonName[];
  return (names.find((name) => name.kind === 'primary') ?? names[0])?.value;
}

function renderPart(
  part: CaptionPart,
  properties: Record<string, unknown>,
  specs: readonly PropertySpec[],
  lang: Language,
) {
  const value = properties[part.property];
  if (value === undefined || value === null || value === '') return undefined;
  switch (part.format) {
    case 'primaryName':
      return primaryName(value);
    case 'year':
      return typeof value === 'string' ? value.slice(0, 4) : undefined;
    case 'label': {
      const spec = specs.find((candidate) => candidate.name === part.property);
      return spec?.valueLabels?.[String(value)]?.[lang] ?? String(value);
    }
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** The display caption of an entity, per its type's description: `Kim Minsu (1998)`, `Golden Fortune (Kandal)`. */
export function entityCaption(type: EntityType, properties: object, lang: Language = 'en'): string {
  const spec = entityTypes[type];
  const values = properties as Record<string, unknown>;
  const main = renderPart(spec.caption.main, values, spec.properties, lang) ?? spec.label[lang];
  const details = spec.caption.details
    .map((part) => renderPart(part, values, spec.properties, lang))
    .filter((text): text is string => text !== undefined);
  return details.length > 0 ? `${main} (${details.join(', ')})` : main;
}
