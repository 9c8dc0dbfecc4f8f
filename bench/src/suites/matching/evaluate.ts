// Precision, recall and F1 of the person matcher on the labelled set, by script pair, at the service's own
// proposal rule (score at or above the threshold, or a conflict for a human to resolve).
import {
  countNameFrequencies,
  isProposed,
  type NameFrequencies,
  type PersonFacts,
  type PersonMatch,
  scorePersonMatch,
} from '@liaison/core/persons/index';
import type { LabelledRecord, Origin } from './generate.ts';
import { type HardCase, scriptPair } from './labelled-set.ts';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  pairs: number;
}

export interface Scored {
  a: LabelledRecord;
  b: LabelledRecord;
  same: boolean;
  proposed: boolean;
  score: number;
  category: string;
  match: PersonMatch;
}

const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, pairs: 0 });

export function add(tallies: Map<string, Tally>, category: string, same: boolean, proposed: boolean): void {
  const tally = tallies.get(category) ?? empty();
  tally.pairs++;
  if (same && proposed) tally.tp++;
  else if (!same && proposed) tally.fp++;
  else if (same) tally.fn++;
  tallies.set(category, tally);
}

export function rates({ tp, fp, fn }: Tally) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** How common names are among the split's records, as a node counts them among its persons. */
export function splitFrequencies(records: readonly LabelledRecord[]): NameFrequencies {
  return countNameFrequencies(records.map((record) => record.facts.names));
}

/**
 * Every record of side A against every record of side B of the same origin (the hardest pool: each
 * namesake and each shared surname is a chance to propose a wrong pair), within one split. Name frequencies
 * are the split's own, as a node's are its own persons'.
 */
export function scoreSplit(records: readonly LabelledRecord[], onPair?: (scored: Scored) => void) {
  const tallies = new Map<string, Tally>();
  const frequencies = splitFrequencies(records);
  let pairs = 0;
  const start = performance.now();
  const byOrigin = new Map<Origin, { A: LabelledRecord[]; B: LabelledRecord[] }>();
  for (const record of records) {
    const group = byOrigin.get(record.origin) ?? { A: [], B: [] };
    group[record.side].push(record);
    byOrigin.set(record.origin, group);
  }
  for (const [origin, { A, B }] of byOrigin) {
    for (const a of A) {
      for (const b of B) {
        const match = scorePersonMatch(a.facts, b.facts, { frequencies });
        pairs++;
        const same = a.identity === b.identity;
        const proposed = isProposed(match);
        const category = scriptPair(a.facts.names[0] ?? '', b.facts.names[0] ?? '', origin === 'OTHER');
        add(tallies, category, same, proposed);
        add(tallies, 'all', same, proposed);
        onPair?.({ a, b, same, proposed, score: match.score, category, match });
      }
    }
  }
  return { tallies, pairs, ms: performance.now() - start };
}

export function scoreHardCases(cases: readonly HardCase[]) {
  const tallies = new Map<string, Tally>();
  const missed: string[] = [];
  for (const hard of cases) {
    const a: PersonFacts = { names: [hard.a] };
    const b: PersonFacts = { names: [hard.b] };
    const proposed = isProposed(scorePersonMatch(a, b));
    add(tallies, scriptPair(hard.a, hard.b), hard.same, proposed);
    add(tallies, 'all', hard.same, proposed);
    if (proposed !== hard.same)
      missed.push(`${hard.a} / ${hard.b} (${hard.same ? 'missed' : 'wrongly proposed'})`);
  }
  return { tallies, missed };
}
