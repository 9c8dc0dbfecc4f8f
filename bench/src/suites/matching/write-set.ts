// Writes the generated labelled set: `npx tsx bench/src/suites/matching/write-set.ts`.
import fs from 'node:fs';
import { generateRecords } from './generate.ts';
import { dataDir, recordsFile } from './labelled-set.ts';

fs.mkdirSync(dataDir, { recursive: true });
const records = generateRecords();
fs.writeFileSync(recordsFile, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
process.stderr.write(`${records.length} records written to ${recordsFile}\n`);
