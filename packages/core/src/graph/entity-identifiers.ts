import { type EntityType, entityTypes, type IdentifierSpec } from './entity-types.ts';
import type { IdentifierKind } from './property-spec.ts';

/** A raw identifier carried by an entity; normalising it is the identifiers module's job. */
export interface EntityIdentifier {
  kind: IdentifierKind;
  value: string;
  property: string;
  /** The qualifying value, e.g. the bank of an account number or the chain of a wallet. */
  qualifier?: string;
}

function applies(spec: IdentifierSpec, values: Record<string, unknown>): boolean {
  return !spec.when || values[spec.when.property] === spec.when.equals;
}

/** Every identifier an entity carries, as its type's description says, for matching and the graph index. */
export function entityIdentifiers(type: EntityType, properties: object): EntityIdentifier[] {
  const values = properties as Record<string, unknown>;
  const specs: readonly IdentifierSpec[] = entityTypes[type].identifiers;
  return specs
    .filter((spec) => applies(spec, values))
    .flatMap((spec) => {
      const raw = values[spec.property];
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      const qualifier = spec.qualifier === undefined ? undefined : values[spec.qualifier];
      return list
        .filter((value): value is string => typeof value === 'string' && value !== '')
        .map((value) => ({
          kind: spec.kind,
          value,
          property: spec.property,
          ...(typeof qualifier === 'string' ? { qualifier } : {}),
        }));
    });
}
