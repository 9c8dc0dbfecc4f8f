import { type FieldProblem, jsonPointer, LiaisonError, unstorableTextProblem } from '@liaison/core';
import type { FastifyInstance } from 'fastify';

type Path = (string | number)[];

/** Enough to say what to fix; a body of a million NULs need not be answered a million times. */
const maxProblems = 20;

function textProblem(path: Path, message: string): FieldProblem {
  return {
    path: jsonPointer(path),
    message,
    code: 'invalid_format',
    params: { format: 'text' },
    specific: true,
  };
}

function collect(value: unknown, path: Path, problems: FieldProblem[]): void {
  if (problems.length >= maxProblems) return;
  // A file sent as the raw body (a Buffer) holds bytes, not text: walking it as an object visits every byte
  // (a 9 MB photo took minutes). Its content is checked by the upload's own content rules.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
  if (typeof value === 'string') {
    const message = unstorableTextProblem(value);
    if (message) problems.push(textProblem(path, message));
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) collect(item, [...path, index], problems);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const message = unstorableTextProblem(key);
      if (message) problems.push(textProblem(path, `${message} from a field name`));
      else collect(item, [...path, key], problems);
    }
  }
}

/**
 * Refuses, before any route's own validation, a request carrying a string no field can take (NUL, a lone
 * surrogate) anywhere in its body, query or path, naming where it is. Such a string would otherwise reach
 * PostgreSQL and fail there, in a field whose schema is `unknown` just as in a text field.
 */
export function registerTextGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const problems: FieldProblem[] = [];
    collect(request.body, [], problems);
    collect(request.query, ['querystring'], problems);
    collect(request.params, ['params'], problems);
    if (problems.length > 0) {
      throw new LiaisonError('invalid-input', `Check ${problems.map((p) => p.path).join(', ')}.`, {
        fields: problems,
      });
    }
  });
}
