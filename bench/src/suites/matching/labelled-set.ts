// The labelled set on disk: bench/data/matching/records.jsonl (generated, committed; `npx tsx
// bench/src/suites/matching/write-set.ts` writes it again) and hard-cases.json (curated by hand).
import fs from 'node:fs';
import path from 'node:path';
import { detectScript } from '@liaison/core/persons/index';
import type { LabelledRecord } from './generate.ts';

export const dataDir = path.join(import.meta.dirname, '../../../data/matching');
export const recordsFile = path.join(dataDir, 'records.jsonl');

export interface HardCase {
  a: string;
  b: string;
  same: boolean;
  note?: string;
  source: string;
}

export function readRecords(): LabelledRecord[] {
  return fs
    .readFileSync(recordsFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledRecord);
}

export function readHardCases(): HardCase[] {
  return (JSON.parse(fs.readFileSync(path.join(dataDir, 'hard-cases.json'), 'utf8')) as { cases: HardCase[] })
    .cases;
}

const LABEL = { hangul: 'Hangul', khmer: 'Khmer', han: 'Han', latin: 'Latin', other: 'other' } as const;

const scripts = new Map<string, string>();

function scriptOf(name: string): string {
  let script = scripts.get(name);
  if (script === undefined) {
    script = readScript(name);
    scripts.set(name, script);
  }
  return script;
}

function readScript(name: string): string {
  // Letters of scripts the name reader has no reader of its own for: Cyrillic, Thai, Arabic…
  if (
    /[^\p{Script=Latin}\p{Script=Hangul}\p{Script=Khmer}\p{Script=Han}\p{P}\p{Z}\p{M}\p{N}\u200B]/u.test(name)
  )
    return 'other';
  return LABEL[detectScript(name)];
}

/** The script pair a comparison is reported under: 'Hangul–Latin', 'Latin–Latin', …, or 'other scripts'. */
export function scriptPair(a: string, b: string, otherOrigin = false): string {
  const pair = [scriptOf(a), scriptOf(b)].sort((x, y) =>
    x === 'Latin' ? 1 : y === 'Latin' ? -1 : x.localeCompare(y),
  );
  if (otherOrigin || pair.includes('other')) return 'other scripts';
  return pair.join('–');
}
