import type { FieldProblem } from '@liaison/core';
import i18next from 'i18next';

type Key = { key: string; values?: Record<string, unknown> };

function sized(kind: 'tooSmall' | 'tooBig', limit: 'minimum' | 'maximum', problem: FieldProblem): Key {
  const params = problem.params ?? {};
  const value = params[limit];
  const values = { [limit]: value };
  const empty = kind === 'tooSmall' ? value === 1 : value === 0;
  switch (params.origin) {
    case 'string':
      if (params.exact === true) return { key: `${kind}.stringExact`, values };
      return { key: empty ? `${kind}.stringEmpty` : `${kind}.string`, values };
    case 'array':
    case 'set':
      return { key: kind === 'tooSmall' && empty ? 'tooSmall.arrayEmpty' : `${kind}.array`, values };
    case 'number':
    case 'int':
    case 'bigint':
      return { key: params.inclusive === false ? `${kind}.numberExclusive` : `${kind}.number`, values };
    case 'date':
      return {
        key: `${kind}.date`,
        values: { [limit]: typeof value === 'string' ? value.slice(0, 10) : value },
      };
    default:
      return { key: `${kind}.default` };
  }
}

const formats = new Set(['email', 'uuid', 'guid', 'date', 'datetime', 'url']);

/** The `ui:fieldProblems.*` key and values for a problem's code, or undefined when only its message can say. */
export function fieldProblemKey(problem: FieldProblem): Key | undefined {
  const params = problem.params ?? {};
  switch (problem.code) {
    case 'required':
      return { key: 'required' };
    case 'invalid_type':
      return {
        key: ['number', 'int'].includes(String(params.expected))
          ? 'invalidType.number'
          : params.expected === 'array'
            ? 'invalidType.array'
            : 'invalidType.default',
      };
    case 'too_small':
      return sized('tooSmall', 'minimum', problem);
    case 'too_big':
      return sized('tooBig', 'maximum', problem);
    case 'invalid_format': {
      const format = params.format === 'guid' ? 'uuid' : String(params.format);
      return { key: `invalidFormat.${formats.has(format) ? format : 'default'}` };
    }
    case 'invalid_value': {
      const values = Array.isArray(params.values) ? params.values : [];
      return {
        key: values.length === 1 && values[0] === 'true' ? 'invalidValue.mustBeTrue' : 'invalidValue.default',
      };
    }
    case 'unrecognized_keys':
      return { key: 'unrecognizedKeys', values: { keys: [params.keys ?? []].flat().join(', ') } };
    case 'not_multiple_of':
      return { key: 'notMultipleOf', values: { divisor: params.divisor } };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'invalid' };
    case 'not_found':
      return { key: 'notFound' };
    case 'already_in_use':
      return { key: 'alreadyInUse' };
    default:
      return undefined;
  }
}

/**
 * A field problem in the user's language; a `custom` or unknown code keeps the server's message, and so does
 * an English reader when the message is the schema's own words (`specific`), more precise than a generic text.
 */
export function fieldProblemText(problem: FieldProblem): string {
  if (problem.specific && i18next.language?.startsWith('en')) return problem.message;
  const found = fieldProblemKey(problem);
  const key = found && `ui:fieldProblems.${found.key}`;
  if (!key || !i18next.exists(key)) return problem.message;
  return i18next.t(key, found.values ?? {});
}
