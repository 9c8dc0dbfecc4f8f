// Lists the wrong proposals and the misses of one split, to study: `npx tsx bench/src/suites/matching/errors.ts tune`.
import { scoreSplit } from './evaluate.ts';
import { readRecords } from './labelled-set.ts';

const split = process.argv[2] === 'heldout' ? 'heldout' : 'tune';
const only = process.argv[3];
scoreSplit(
  readRecords().filter((r) => r.split === split),
  ({ a, b, same, proposed, category, match }) => {
    if (same === proposed || (only && category !== only)) return;
    process.stdout.write(
      `${same ? 'MISSED' : 'WRONG '} ${category} ${match.score} ${match.verdict} | ${JSON.stringify(a.facts)} | ${JSON.stringify(b.facts)} | ${match.reasons.map((r) => `${r.text} ${r.effect}`).join('; ')}\n`,
    );
  },
);
