// Compares two names part by part (surname, given name) over all their readings, and says how close
// each part is, so that the person score can weight the surname by its rarity and explain itself.
import { surnameSoundKeys } from './name-frequency.ts';
import { analyseName, type NameAnalysis, type NamePart, type NameReading } from './name-keys.ts';
import { hangulSimilarity, isHangulText, slipSimilarity } from './name-similarity.ts';
import { writesFewVowels } from './other-script.ts';
import { sameVowelFrame, type VowelFrame, vowelFrame } from './phonetic-key.ts';
import { surnameShare } from './surname-frequency.ts';

/**
 * exact: the same written form. variant: the same Korean surname clan, a romanisation of the other,
 * the same sound key, Hangul differing only in sound-alike vowels. similar: spellings or sound keys one
 * or two slips apart, or the same consonants. differ: none of these.
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
  /** Census share (0..1) of the commoner reading of the surnames compared. */
  surnameShare: number;
  /** Sound keys of both surnames, to look up how common they are among the node's persons. */
  surnameKeys: string[];
  /** One side's middle name or patronymic was left out to line the names up. */
  shortened: boolean;
  /** What was left out was of two to four letters, perhaps a syllable of the given name. */
  shortenedShort: boolean;
  nameA: string;
  nameB: string;
}

// Parts are compared many times over (a pool ranks one name against hundreds): their value lists are
// turned into sets once.
const setCache = new WeakMap<readonly string[], Set<string>>();
function setOf(values: readonly string[]): Set<string> {
  let set = setCache.get(values);
  if (!set) {
    set = new Set(values);
    setCache.set(values, set);
  }
  return set;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (large.length < 4) return small.some((value) => large.includes(value));
  const set = setOf(large);
  return small.some((value) => set.has(value));
}

const shareCache = new WeakMap<NamePart, number>();
function shareOf(part: NamePart): number {
  let share = shareCache.get(part);
  if (share === undefined) {
    share = surnameShare(part.clans, part.spellings);
    shareCache.set(part, share);
  }
  return share;
}

/** From this similarity two Hangul names are one slip apart (one jamo of six differs: 0.83 is two names, 재명/재형). */
const HANGUL_SIMILAR_FROM = 0.92;
const MAX_SPELLINGS_COMPARED = 12;

function display(written: string): string {
  return /^[A-Z ]+$/.test(written) ? written.charAt(0) + written.slice(1).toLowerCase() : written;
}

function closestSlip(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a.slice(0, MAX_SPELLINGS_COMPARED)) {
    for (const y of b.slice(0, MAX_SPELLINGS_COMPARED)) best = Math.max(best, slipSimilarity(x, y));
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
// Equal consonants with other vowels, in a script that writes its vowels: a weak likeness (MINA/MONA).
const SAME_CONSONANTS = 0.75;
// The same consonants with vowels in the same places (NASIR/NASSER, YUSUF/YOUSSEF, AHMAD/AHMED): how one
// Arabic-origin name is spelt by two clerks, but also how two Korean given names can differ (JIHUN/JAEHUN), so
// it is a likeness that needs another fact to be proposed, not a variant.
const SAME_VOWEL_FRAME = 0.85;

// Two names in Hangul are compared as written, letter by letter: their romanisations share sound keys
// (재명/재형 both come out near JAEMYEONG/JAEHYEONG), the Hangul does not.
function hangulLevel(a: NamePart, b: NamePart): Level {
  if (intersects(a.clans, b.clans)) return VARIANT;
  const similarity = hangulSimilarity(a.written.replace(/ /g, ''), b.written.replace(/ /g, ''));
  if (similarity === 1) return EXACT;
  if (similarity === 'sound') return VARIANT;
  return similarity >= HANGUL_SIMILAR_FROM ? { level: 'similar', similarity } : DIFFER;
}

const longSkeletons = new WeakMap<NamePart, string[]>();
function skeletonsOf(part: NamePart, vowelless: boolean): string[] {
  if (vowelless) return part.skeletons;
  let long = longSkeletons.get(part);
  if (!long) {
    long = part.skeletons.filter((key) => key.length >= 2);
    longSkeletons.set(part, long);
  }
  return long;
}

const frameCache = new WeakMap<NamePart, VowelFrame[]>();
function framesOf(part: NamePart): VowelFrame[] {
  let frames = frameCache.get(part);
  if (!frames) {
    frames = part.spellings
      .slice(0, MAX_SPELLINGS_COMPARED)
      .flatMap((spelling) => vowelFrame(spelling) ?? []);
    frameCache.set(part, frames);
  }
  return frames;
}

const sameFrames = (a: NamePart, b: NamePart): boolean => {
  const framesB = framesOf(b);
  return framesOf(a).some((x) => framesB.some((y) => sameVowelFrame(x, y)));
};

function levelOf(a: NamePart, b: NamePart, vowelless: boolean): Level {
  if (a.written === '' || b.written === '') return { level: 'absent', similarity: 0 };
  if (a.written === b.written) return EXACT;
  if (isHangulText(a.written) && isHangulText(b.written)) return hangulLevel(a, b);
  if (intersects(a.clans, b.clans) || intersects(a.spellings, b.spellings)) return VARIANT;
  if (intersects(a.phonetic, b.phonetic)) return VARIANT;
  // Khmer, Arabic and Thai spellings disagree mostly in vowels, so equal consonants are a variant there.
  const skeletonsA = skeletonsOf(a, vowelless);
  const skeletonsB = skeletonsOf(b, vowelless);
  const sameConsonants = intersects(skeletonsA, skeletonsB);
  if (sameConsonants && vowelless) return VARIANT;
  // Slips are looked for in spellings, not sound keys: two Korean given names are often a slip apart in
  // their sound keys (SUJIN/SUJUN), never in what a clerk typed.
  const similarity = Math.max(
    closestSlip(a.spellings, b.spellings),
    vowelless ? closestSlip(skeletonsA, skeletonsB) : 0,
    sameConsonants ? SAME_CONSONANTS : 0,
    sameFrames(a, b) ? SAME_VOWEL_FRAME : 0,
  );
  return similarity > 0 ? { level: 'similar', similarity } : DIFFER;
}

// The same two parts meet again and again (KIM and GIM in every pair of two Kims): their comparison is kept.
// Parts of one written form have the same spellings whichever reading they come from, but not always the same
// clans (a Latin surname knows its clans, the same word read as a given name does not).
const comparisonCache = new Map<string, PartComparison>();
const CACHE_LIMIT = 50_000;
const ABSENT = (a: NamePart, b: NamePart): PartComparison => ({
  level: 'absent',
  similarity: 0,
  a: display(a.written),
  b: display(b.written),
});

export function compareParts(a: NamePart, b: NamePart, vowelless: boolean): PartComparison {
  if (a.written === '' || b.written === '') return ABSENT(a, b);
  const flags = (vowelless ? 4 : 0) + (a.clans.length > 0 ? 2 : 0) + (b.clans.length > 0 ? 1 : 0);
  const key = `${flags}\u0000${a.written}\u0000${b.written}`;
  let comparison = comparisonCache.get(key);
  if (!comparison) {
    comparison = { ...levelOf(a, b, vowelless), a: display(a.written), b: display(b.written) };
    if (comparisonCache.size >= CACHE_LIMIT) comparisonCache.clear();
    comparisonCache.set(key, comparison);
  }
  return comparison;
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
    shortenedShort: Boolean(a.short || b.short),
    surnameShare: Math.max(shareOf(a.surname), shareOf(b.surname)),
    surnameKeys: [...new Set([...surnameSoundKeys(a.surname), ...surnameSoundKeys(b.surname)])],
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
