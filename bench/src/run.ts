import fs from 'node:fs';
import path from 'node:path';
import { type Emit, emitLine, note } from './measure.ts';

/**
 * `npm run bench -- [suite…]`: every file in suites/ is a suite named after the file; it exports
 * `default async function (emit)`. No argument runs them all.
 */
const suitesDir = path.join(import.meta.dirname, 'suites');
const available = fs
  .readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  note(`Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
for (const suite of wanted.length > 0 ? wanted : available) {
  note(`== bench ${suite}`);
  const module = (await import(path.join(suitesDir, `${suite}.ts`))) as {
    default: (emit: Emit) => Promise<void>;
  };
  await module.default(emitLine);
}
process.exit(0);
