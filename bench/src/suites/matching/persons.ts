// The person-matching part of `npm run bench -- matching`: quality by script pair on both splits of the
// generated set and on the hand-curated hard cases, scoring speed, and (candidate-pool.ts) the candidate
// pool's recall and query time on a database of 200k persons.
import { PROPOSAL_THRESHOLD } from '@liaison/core/persons/index';
import { type Emit, note } from '../../measure.ts';
import { rates, scoreHardCases, scoreSplit, type Tally } from './evaluate.ts';
import { readHardCases, readRecords } from './labelled-set.ts';

function report(emit: Emit, set: string, tallies: Map<string, Tally>): void {
  for (const [category, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    const { precision, recall, f1 } = rates(tally);
    note(
      `  ${set.padEnd(10)} ${category.padEnd(14)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (${tally.tp} right, ${tally.fp} wrong, ${tally.fn} missed of ${tally.pairs} pairs)`,
    );
    const context = { set, scripts: category, threshold: PROPOSAL_THRESHOLD, pairs: tally.pairs };
    emit({
      suite: 'matching',
      metric: 'person-precision',
      value: round(precision),
      unit: 'ratio',
      ...context,
    });
    emit({ suite: 'matching', metric: 'person-recall', value: round(recall), unit: 'ratio', ...context });
    emit({ suite: 'matching', metric: 'person-f1', value: round(f1), unit: 'ratio', ...context });
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

// The service scores a pool of 60 persons for 10 candidates: at 5,000 pairs/s that is 12 ms of its 50 ms.
const SCORING_FLOOR = 5_000;

export default async function persons(emit: Emit): Promise<void> {
  const records = readRecords();
  for (const split of ['tune', 'heldout'] as const) {
    const { tallies, pairs, ms } = scoreSplit(records.filter((r) => r.split === split));
    report(emit, split, tallies);
    if (split === 'heldout') {
      const perSecond = Math.round(pairs / (ms / 1000));
      const ratio = Math.round((perSecond / SCORING_FLOOR) * 100) / 100;
      note(`  scoring speed: ${perSecond} pairs/s (${pairs} pairs; floor ${SCORING_FLOOR}, ratio ${ratio})`);
      emit({
        suite: 'matching',
        metric: 'person-scoring-speed',
        value: perSecond,
        unit: 'pairs/s',
        floor: SCORING_FLOOR,
        ratio,
        pairs,
      });
    }
  }
  const hard = scoreHardCases(readHardCases());
  report(emit, 'hard-cases', hard.tallies);
  for (const miss of hard.missed) note(`    hard case: ${miss}`);
  if (process.env.BENCH_SKIP_POOL !== '1') {
    const pool = await import('./candidate-pool.ts');
    await pool.default(emit, records);
  }
}
