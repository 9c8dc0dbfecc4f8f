import fs from 'node:fs';
import path from 'node:path';
import { type Emit, note } from '../measure.ts';

type Part = (emit: Emit) => Promise<void>;

// Helpers and parts of this suite live in ./matching/ (run.ts treats every .ts file in suites/ as a suite).
// Each part exports `default async function (emit)`; a part that is not there yet is skipped.
const PARTS = ['persons', 'identifiers'] as const;

export default async function matching(emit: Emit): Promise<void> {
  for (const part of PARTS) {
    const file = path.join(import.meta.dirname, 'matching', `${part}.ts`);
    if (!fs.existsSync(file)) {
      note(`  matching: no ${part} part yet`);
      continue;
    }
    note(`  matching: ${part}`);
    const module = (await import(file)) as { default: Part };
    await module.default(emit);
  }
}
