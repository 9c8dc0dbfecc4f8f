import type { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';
import { type FieldProblem, fieldProblemOf } from '../errors/field-problem.ts';

/**
 * Turns zod issues into coded JSON-pointer field problems; an unknown key becomes a problem at its own path.
 * Give the parsed input so that a missing value reads `required`.
 */
export function toFieldProblems(error: z.ZodError, input?: unknown): FieldProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          ...fieldProblemOf({ ...issue, path: [...issue.path, key] }, input),
          message: `Unknown property '${key}'`,
          params: { keys: [key] },
        }))
      : [fieldProblemOf(issue, input)],
  );
}

/** Parses with a schema or throws LiaisonError('invalid-input') listing every field problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new LiaisonError('invalid-input', `The ${what} is not valid`, {
    fields: toFieldProblems(result.error, input),
  });
}
