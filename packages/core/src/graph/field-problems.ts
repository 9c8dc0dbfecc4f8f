import type { z } from 'zod';
import { type FieldProblem, LiaisonError } from '../errors/catalogue.ts';

function pointer(path: readonly PropertyKey[]): string {
  return `/${path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/** Turns zod issues into JSON-pointer field problems; an unknown key becomes a problem at its own path. */
export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pointer([...issue.path, key]),
          message: `Unknown property '${key}'`,
        }))
      : [{ path: pointer(issue.path), message: issue.message }],
  );
}

/** Parses with a schema or throws LiaisonError('invalid-input') listing every field problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new LiaisonError('invalid-input', `The ${what} is not valid`, {
    fields: toFieldProblems(result.error),
  });
}
