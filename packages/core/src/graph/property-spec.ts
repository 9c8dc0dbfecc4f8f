import type { LabelSet } from '../cases/crime-taxonomy.ts';

export type { LabelSet };

/** The identifier kinds the identifier normalisers handle (packages/core/src/identifiers). */
export type IdentifierKind =
  | 'phone'
  | 'email'
  | 'bank_account'
  | 'crypto_wallet'
  | 'url'
  | 'domain'
  | 'messenger'
  | 'passport'
  | 'national_id';

export const nameScripts = ['hangul', 'latin', 'khmer', 'han', 'other'] as const;
export const nameKinds = ['primary', 'alias', 'romanised'] as const;

/** One written form of a person's name: 한복남 (hangul, primary), HAN BOKNAM (latin, romanised). */
export interface PersonName {
  value: string;
  script: (typeof nameScripts)[number];
  kind: (typeof nameKinds)[number];
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Checked string formats; `country` is ISO 3166-1 alpha-2, `currency` ISO 4217. */
export type StringFormat = 'uuid' | 'country' | 'currency';

export type PropertyKind = 'string' | 'date' | 'datetime' | 'enum' | 'number' | 'string[]' | 'geo' | 'names';

/** One property of an entity or link type, described as data; validators and forms are built from it. */
export interface PropertySpec {
  readonly name: string;
  readonly type: PropertyKind;
  readonly required?: boolean;
  /** Longest string (or longest item of a string list). */
  readonly maxLength?: number;
  /** Most items of a list. */
  readonly maxItems?: number;
  readonly values?: readonly string[];
  readonly valueLabels?: Readonly<Record<string, LabelSet>>;
  readonly format?: StringFormat;
  readonly min?: number;
  readonly max?: number;
  /** For dates: reject a date after today (a birth date, an issue date). */
  readonly notInFuture?: boolean;
}

/** The TypeScript value of a property, derived from its spec. */
export type PropertyValue<P extends PropertySpec> = P['type'] extends 'enum'
  ? P['values'] extends readonly (infer V)[]
    ? V
    : string
  : P['type'] extends 'number'
    ? number
    : P['type'] extends 'string[]'
      ? string[]
      : P['type'] extends 'geo'
        ? GeoPoint
        : P['type'] extends 'names'
          ? PersonName[]
          : string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The properties object of a type, derived from its list of specs: required ones required, others optional. */
export type PropertiesOf<Ps extends readonly PropertySpec[]> = Simplify<
  { [P in Ps[number] as P['required'] extends true ? P['name'] : never]: PropertyValue<P> } & {
    [P in Ps[number] as P['required'] extends true ? never : P['name']]?: PropertyValue<P>;
  }
>;
