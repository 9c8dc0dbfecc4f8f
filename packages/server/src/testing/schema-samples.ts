import type { z } from 'zod';

/**
 * Test support: walks a route's zod schema to find its text fields and to build a value it accepts, so a test
 * can put odd text into one field of an otherwise valid request. Best effort: a value the walk cannot build
 * is left out, and the request then fails on that field instead (still not a server error).
 */

type Schema = z.ZodType;
type Def = Record<string, unknown> & { type: string };
export type Path = (string | number)[];

const placeholderId = '00000000-0000-4000-8000-000000000000';
let emails = 0;
function stringCandidates(): string[] {
  emails += 1;
  return [
    'Sample text of some length',
    `officer${emails}@knpa.test`,
    placeholderId,
    '2026-01-15',
    '2026-01-15T09:30:00+07:00',
    'https://example.test/page',
    'KR',
    'KNPA',
    'USD',
    'ICN',
    'KE690',
    'x',
  ];
}
const numberCandidates = [1, 0, 10, 1_000, 11.55, 104.92, -1];

function defOf(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function accepted(schema: Schema, candidates: unknown[]): unknown {
  return candidates.find((candidate) => schema.safeParse(candidate).success);
}

/** A value the schema accepts, or undefined when the walk cannot build one. */
export function sampleOf(schema: Schema): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return accepted(schema, stringCandidates());
    case 'number':
    case 'int':
      return accepted(schema, numberCandidates);
    case 'boolean':
      return accepted(schema, [true, false]);
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sampleOf(def.innerType as Schema);
    case 'default':
    case 'prefault':
      return sampleOf(def.innerType as Schema);
    case 'pipe':
      return sampleOf((defOf(def.in as Schema).type === 'transform' ? def.out : def.in) as Schema);
    case 'lazy':
      return sampleOf((def.getter as () => Schema)());
    case 'array': {
      const item = sampleOf(def.element as Schema);
      const list = item === undefined ? [] : [item];
      return schema.safeParse(list).success ? list : [];
    }
    case 'union':
      return accepted(
        schema,
        (def.options as Schema[]).map((option) => sampleOf(option)),
      );
    case 'object':
      return objectSample(def.shape as Record<string, Schema>);
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** The required fields only: optional ones are where requests go wrong (an unknown unit, a refinement). */
function objectSample(shape: Record<string, Schema>): Record<string, unknown> {
  const sample: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    if (field.safeParse(undefined).success) continue;
    const value = sampleOf(field);
    if (value !== undefined) sample[key] = value;
  }
  return sample;
}

/**
 * A value the schema accepts with `text` at `path`: the required fields, plus every object and array on the
 * way to the text, each with its own required fields.
 */
export function sampleWithTextAt(schema: Schema, path: Path, text: string): unknown {
  if (path.length === 0) return text;
  const def = defOf(schema);
  const [head, ...rest] = path as [string | number, ...Path];
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'default':
    case 'prefault':
      return sampleWithTextAt(def.innerType as Schema, path, text);
    case 'pipe':
      return sampleWithTextAt(
        (defOf(def.in as Schema).type === 'transform' ? def.out : def.in) as Schema,
        path,
        text,
      );
    case 'lazy':
      return sampleWithTextAt((def.getter as () => Schema)(), path, text);
    case 'array':
      return [sampleWithTextAt(def.element as Schema, rest, text)];
    case 'union': {
      const options = (def.options as Schema[]).filter((option) =>
        textPaths(option).some((candidate) => candidate.join('/') === path.join('/')),
      );
      return options[0] ? sampleWithTextAt(options[0], path, text) : withTextAt(undefined, path, text);
    }
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const field = shape[head as string];
      const value = field ? sampleWithTextAt(field, rest, text) : withTextAt(undefined, rest, text);
      return { ...objectSample(shape), [head]: value };
    }
    default:
      return withTextAt(undefined, path, text);
  }
}

/** The paths of every string in a value the schema describes (through objects, arrays, unions, wrappers). */
export function textPaths(schema: Schema, path: Path = []): Path[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [path];
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'default':
    case 'prefault':
      return textPaths(def.innerType as Schema, path);
    case 'pipe': {
      const inner = defOf(def.in as Schema).type === 'transform' ? def.out : def.in;
      return textPaths(inner as Schema, path);
    }
    case 'lazy':
      return textPaths((def.getter as () => Schema)(), path);
    case 'array':
      return textPaths(def.element as Schema, [...path, 0]);
    case 'union': {
      const seen = new Set<string>();
      return (def.options as Schema[])
        .flatMap((option) => textPaths(option, path))
        .filter((p) => !seen.has(p.join('/')) && seen.add(p.join('/')));
    }
    case 'object':
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, field]) =>
        textPaths(field, [...path, key]),
      );
    default:
      return [];
  }
}

/** A copy of `value` with `text` at `path`, creating the objects and arrays on the way. */
export function withTextAt(value: unknown, path: Path, text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string | number, ...Path];
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = withTextAt(list[head], rest, text);
    return list;
  }
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  (object as Record<string, unknown>)[head] = withTextAt(
    (object as Record<string, unknown>)[head],
    rest,
    text,
  );
  return object;
}
