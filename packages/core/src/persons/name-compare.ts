// Compares two names part by part (surname, given name) over all their readings, and says how close
// each part is, so that the person score can weight the surname by its rarity and explain itself.
import { analyseName, type NameAnalysis, type NamePart, type NameReading } from './name-keys.ts';
import { surnameShare } from './surname-frequency.ts';

/**
 * exact: the same written form. variant: the same Korean surname clan, a romanisation of the other,
 * or the same sound key. similar: a looser key or a one-letter slip. differ: none of these.
 * absent: one side has no such part (a single-word name).
 */
export type PartLevel = 'exact' | 'variant' | 'similar' | 'differ' | 'absent';

export interface PartComparison {
  level: PartLevel;
  /** Display forms of the two sides: 'Lee', '이'. */
  a: string;
  b: string;
}

export interface NameComparison {
  surname: PartComparison;
  given: PartComparison;
  /** Share (0..1) of the commoner reading of the surnames compared. */
  surnameShare: number;
  nameA: string;
  nameB: string;
}

const intersects = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((value) => b.includes(value));

// Optimal string alignment distance, stopped early: only "at most one edit" matters here.
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  return (
    restA === restB ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  );
}

function display(written: string): string {
  return /^[A-Z ]+$/.test(written) ? written.charAt(0) + written.slice(1).toLowerCase() : written;
}

function levelOf(a: NamePart, b: NamePart, khmer: boolean): PartLevel {
  if (a.written === '' || b.written === '') return 'absent';
  if (a.written === b.written) return 'exact';
  if (intersects(a.clans, b.clans) || intersects(a.spellings, b.spellings)) return 'variant';
  if (intersects(a.phonetic, b.phonetic)) return 'variant';
  if (intersects(a.skeletons, b.skeletons)) return khmer ? 'variant' : 'similar';
  // Both sides at least four letters: short names are one edit apart too easily (and checking one side only
  // made the comparison depend on the order of the two names).
  const slip = a.phonetic.some(
    (x) => x.length >= 4 && b.phonetic.some((y) => y.length >= 4 && withinOneEdit(x, y)),
  );
  return slip ? 'similar' : 'differ';
}

export function compareParts(a: NamePart, b: NamePart, khmer: boolean): PartComparison {
  return { level: levelOf(a, b, khmer), a: display(a.written), b: display(b.written) };
}

function compareReadings(
  a: NameReading,
  b: NameReading,
  khmer: boolean,
  names: [string, string],
): NameComparison {
  return {
    surname: compareParts(a.surname, b.surname, khmer),
    given: compareParts(a.given, b.given, khmer),
    surnameShare: Math.max(
      surnameShare(a.surname.clans, a.surname.spellings),
      surnameShare(b.surname.clans, b.surname.spellings),
    ),
    nameA: names[0],
    nameB: names[1],
  };
}

/**
 * Every pairing of the readings of two names, for the caller to pick the best by its own weights.
 * Empty when either name could not be read.
 */
export function compareNames(a: string | NameAnalysis, b: string | NameAnalysis): NameComparison[] {
  const left = typeof a === 'string' ? analyseName(a) : a;
  const right = typeof b === 'string' ? analyseName(b) : b;
  const khmer = left.script === 'khmer' || right.script === 'khmer';
  const out: NameComparison[] = [];
  for (const readingA of left.readings) {
    for (const readingB of right.readings) {
      out.push(compareReadings(readingA, readingB, khmer, [left.input, right.input]));
    }
  }
  return out;
}
