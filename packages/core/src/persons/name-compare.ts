// Compares two names part by part (surname, given name) over all their readings, and says how close
// each part is, so that the person score can weight the surname by its rarity and explain itself.
import { analyseName, type NameAnalysis, type NamePart, type NameReading } from './name-keys.ts';
import { hangulSimilarity, isHangulText, jaroWinkler } from './name-similarity.ts';
import { writesFewVowels } from './other-script.ts';
import { surnameShare } from './surname-frequency.ts';

/**
 * exact: the same written form. variant: the same Korean surname clan, a romanisation of the other,
 * the same sound key, Hangul differing only in sound-alike vowels. similar: spellings close by
 * Jaro–Winkler (a clerk's slip) or the same consonants. differ: none of these.
 * absent: one side has no such part (a single-word name).
 */
export type PartLevel = 'exact' | 'variant' | 'similar' | 'differ' | 'absent';

export interface PartComparison {
  level: PartLevel;
  /** How close the spellings are, 0..1: 1 for exact and variant, the similarity for similar, 0 for differ. */
  similarity: number;
  /** Display forms of the two sides: 'Lee', '이'. */
  a: string;
  b: string;
}

export interface NameComparison {
  surname: PartComparison;
  given: PartComparison;
  /** Share (0..1) of the commoner reading of the surnames compared. */
  surnameShare: number;
  /** One side's middle name or patronymic was left out to line the names up. */
  shortened: boolean;
  nameA: string;
  nameB: string;
}

const intersects = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((value) => b.includes(value));

/** Below this Jaro–Winkler similarity two spellings are different names (MARK/MARY 0.88, SOK/SOKH 0.94, SMITH/SMIHT 0.95). */
export const SIMILAR_FROM = 0.92;
const MAX_SPELLINGS_COMPARED = 12;

function display(written: string): string {
  return /^[A-Z ]+$/.test(written) ? written.charAt(0) + written.slice(1).toLowerCase() : written;
}

function closestSpellings(a: NamePart, b: NamePart): number {
  let best = 0;
  for (const x of a.spellings.slice(0, MAX_SPELLINGS_COMPARED)) {
    for (const y of b.spellings.slice(0, MAX_SPELLINGS_COMPARED)) best = Math.max(best, jaroWinkler(x, y));
  }
  return best;
}

interface Level {
  level: PartLevel;
  similarity: number;
}

const EXACT: Level = { level: 'exact', similarity: 1 };
const VARIANT: Level = { level: 'variant', similarity: 1 };
const DIFFER: Level = { level: 'differ', similarity: 0 };

// Two names in Hangul are compared as written, letter by letter: their romanisations share sound keys
// (재명/재형 both come out near JAEMYEONG/JAEHYEONG), the Hangul does not.
function hangulLevel(a: NamePart, b: NamePart): Level {
  if (intersects(a.clans, b.clans)) return VARIANT;
  const similarity = hangulSimilarity(a.written.replace(/ /g, ''), b.written.replace(/ /g, ''));
  if (similarity === 1) return EXACT;
  if (similarity === 'sound') return VARIANT;
  return similarity >= SIMILAR_FROM ? { level: 'similar', similarity } : DIFFER;
}

function levelOf(a: NamePart, b: NamePart, vowelless: boolean): Level {
  if (a.written === '' || b.written === '') return { level: 'absent', similarity: 0 };
  if (a.written === b.written) return EXACT;
  if (isHangulText(a.written) && isHangulText(b.written)) return hangulLevel(a, b);
  if (intersects(a.clans, b.clans) || intersects(a.spellings, b.spellings)) return VARIANT;
  if (intersects(a.phonetic, b.phonetic)) return VARIANT;
  // Khmer and Arabic spellings disagree mostly in vowels, so equal consonants are a variant there.
  if (intersects(a.skeletons, b.skeletons))
    return vowelless ? VARIANT : { level: 'similar', similarity: SIMILAR_FROM };
  const similarity = closestSpellings(a, b);
  return similarity >= SIMILAR_FROM ? { level: 'similar', similarity } : DIFFER;
}

export function compareParts(a: NamePart, b: NamePart, vowelless: boolean): PartComparison {
  return { ...levelOf(a, b, vowelless), a: display(a.written), b: display(b.written) };
}

function compareReadings(
  a: NameReading,
  b: NameReading,
  vowelless: boolean,
  names: [string, string],
): NameComparison {
  return {
    surname: compareParts(a.surname, b.surname, vowelless),
    given: compareParts(a.given, b.given, vowelless),
    shortened: Boolean(a.shortened || b.shortened),
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
  const vowelless =
    left.script === 'khmer' ||
    right.script === 'khmer' ||
    writesFewVowels(left.input) ||
    writesFewVowels(right.input);
  const out: NameComparison[] = [];
  for (const readingA of left.readings) {
    for (const readingB of right.readings) {
      // A middle name is left out of one side to meet the other, never out of both.
      if (readingA.shortened && readingB.shortened) continue;
      out.push(compareReadings(readingA, readingB, vowelless, [left.input, right.input]));
    }
  }
  return out;
}
