import { z } from 'zod';

/**
 * What is wrong with one field, as a stable code a client can translate. The schema-derived codes are zod's
 * issue codes (plus `required` for a missing value); `not_found` and `already_in_use` come from services;
 * `custom` means only the English `message` says what is wrong.
 */
export const FieldProblemCode = z.enum([
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unrecognized_keys',
  'not_multiple_of',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'not_found',
  'already_in_use',
  'custom',
]);
export type FieldProblemCode = z.infer<typeof FieldProblemCode>;

/**
 * The facts a translation needs, by code: `origin` (string, array, number, date, file…) with `minimum` or
 * `maximum` and `inclusive`/`exact`; `format` (email, uuid, date, datetime, url, regex…); `expected` (a type);
 * `values` (the allowed ones); `keys` (the unknown ones); `divisor`. Dates are ISO 8601 strings.
 */
export const FieldProblemParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
);
export type FieldProblemParams = z.infer<typeof FieldProblemParams>;

/** One offending field of an `invalid-input` problem. `message` is English, for API clients and logs. */
export const FieldProblem = z.object({
  /** JSON pointer of the offending field, e.g. `/person/birthDate`. */
  path: z.string(),
  message: z.string(),
  code: FieldProblemCode,
  params: FieldProblemParams.optional(),
  /**
   * The message is the schema's own words ("Give the case a title"), more precise than a generic text for the
   * code: an English client shows it as it is.
   */
  specific: z.boolean().optional(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

/** A field problem as services write it: without a code it is `custom`. */
export type FieldProblemInput = Omit<FieldProblem, 'code'> & { code?: FieldProblemCode | undefined };

export function withFieldCode(problem: FieldProblemInput): FieldProblem {
  return { ...problem, code: problem.code ?? 'custom' };
}

/** A zod issue, or what fastify-type-provider-zod keeps of one (`keyword` → code, `params` → the rest). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

type Detailed = IssueLike & Record<string, unknown>;

export function jsonPointer(path: readonly PropertyKey[]): string {
  return `/${path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function bound(value: unknown, origin: unknown): number | string | undefined {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && origin === 'date') return new Date(value).toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

function defined(params: Record<string, FieldProblemParams[string] | undefined>): FieldProblemParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as FieldProblemParams;
}

/**
 * A discriminated union names its options: to a person that is a choice among values. A union of formats
 * (a date or a date-time) is a wrong format, named by its first.
 */
function unionProblem(issue: Detailed): Pick<FieldProblem, 'code' | 'params'> {
  if (Array.isArray(issue.options))
    return { code: 'invalid_value', params: { values: strings(issue.options) } };
  const branches = Array.isArray(issue.errors) ? (issue.errors as Detailed[][]) : [];
  const formats = branches.map((b) =>
    b.length === 1 && b[0]?.code === 'invalid_format' ? b[0].format : undefined,
  );
  if (formats.length > 0 && formats.every((f) => typeof f === 'string')) {
    return { code: 'invalid_format', params: { format: formats[0] as string, formats: formats as string[] } };
  }
  return { code: 'invalid_union' };
}

function codeAndParams(issue: Detailed, missing: boolean): Pick<FieldProblem, 'code' | 'params'> {
  const { origin } = issue;
  const originParam = typeof origin === 'string' ? origin : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing
        ? { code: 'required', params: defined({ expected: String(issue.expected) }) }
        : { code: 'invalid_type', params: defined({ expected: String(issue.expected) }) };
    case 'too_small':
    case 'too_big': {
      const limit = issue.code === 'too_small' ? 'minimum' : 'maximum';
      return {
        code: issue.code,
        params: defined({
          origin: originParam,
          [limit]: bound(issue[limit], origin),
          inclusive: typeof issue.inclusive === 'boolean' ? issue.inclusive : undefined,
          exact: issue.exact === true ? true : undefined,
        }),
      };
    }
    case 'invalid_format':
      return {
        code: 'invalid_format',
        params: defined({
          format: String(issue.format),
          // Every format has a pattern; only a hand-written regex's says more than the format's name.
          pattern: issue.format === 'regex' && typeof issue.pattern === 'string' ? issue.pattern : undefined,
        }),
      };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: strings(issue.values) } };
    case 'invalid_union':
      return unionProblem(issue);
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: strings(issue.keys) } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: defined({ divisor: bound(issue.divisor, undefined) }) };
    case 'invalid_key':
    case 'invalid_element':
      return { code: issue.code };
    default:
      return { code: 'custom' };
  }
}

/**
 * The field problem of one zod issue, with a code and params a client can translate. Give the parsed input
 * when there is one: a value absent from it is `required` rather than of the wrong type.
 */
export function fieldProblemOf(zodIssue: IssueLike, input?: unknown): FieldProblem {
  const issue = zodIssue as Detailed;
  const missing =
    issue.code === 'invalid_type' &&
    ('input' in issue
      ? issue.input === undefined
      : input !== undefined
        ? valueAt(input, issue.path) === undefined
        : / received undefined$/.test(issue.message));
  const { code, params } = codeAndParams(issue, missing);
  const specific = code !== 'custom' && issue.message !== defaultMessage(issue);
  return {
    path: jsonPointer(issue.path),
    message: issue.message,
    code,
    ...(params && { params }),
    ...(specific && { specific }),
  };
}

const english = z.locales.en();

/** What zod itself would say of the issue, to tell a schema's own message from the default one. */
function defaultMessage(issue: Detailed): string | undefined {
  try {
    const found = english.localeError(issue as unknown as Parameters<typeof english.localeError>[0]);
    return typeof found === 'string' ? found : found?.message;
  } catch {
    return undefined;
  }
}
