import { z } from 'zod';
import { normaliseText, normaliseTextKeepingEnds, textProblem } from './normalise-text.ts';

/**
 * The zod schema of a text field: refuses control characters and broken Unicode (`invalid_format`, format
 * `text`), then normalises (`normaliseText`) before any length check, so `.min(1, …)` also refuses a text of
 * zero-width spaces. Chain `.min()`, `.max()`, `.optional()` as on `z.string()`. `keepEnds` leaves white space
 * at the ends (Markdown); refuse blank text with `isBlankText` then.
 */
export function plainText(options: { keepEnds?: boolean } = {}) {
  return z
    .string()
    .check((ctx) => {
      const problem = textProblem(ctx.value);
      if (problem)
        ctx.issues.push({
          code: 'invalid_format',
          format: 'text',
          input: ctx.value,
          message: problem,
          continue: false,
        });
    })
    .overwrite(options.keepEnds ? normaliseTextKeepingEnds : normaliseText);
}
