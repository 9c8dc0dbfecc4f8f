// How close two spellings are, for the "similar" level of a name part: a clerk's slip (one or two edits) on Latin
// spellings and sound keys, whatever the length of the part, and for two Hangul names the jamo
// (consonant and vowel letters) of their syllables, so that 재명 and 재형 are one letter of six apart, not
// "a variant" because their romanisations share a sound key.

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, transpositions of neighbours), or
 * `limit + 1` as soon as it must exceed `limit`: only "one or two slips" matters here.
 */
export function slipDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  // Three rows of the distance table, reused: this runs for every pair of spellings of every pair of names.
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(limit + 1, previous[b.length]!);
}

/**
 * How close two spellings are when one may be a clerk's slip of the other, 0..1 (0: not a slip). One slip is
 * allowed from three letters on (BEN/BEM, EVA/EAV), two from seven (MAXIMILIAN/MAXIMILAIN); the similarity is
 * the share of letters untouched, so a slip weighs less in a long name than in a short one.
 */
export function slipSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return 0;
  const distance = slipDistance(a, b, shorter >= 7 ? 2 : 1);
  if (distance > (shorter >= 7 ? 2 : 1)) return 0;
  return 1 - distance / Math.max(a.length, b.length);
}

const HANGUL_BASE = 0xac00;
// Vowels that sound alike in today's Korean and are confused in writing: ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅚ/ㅞ.
const VOWEL_SOUND: Readonly<Record<number, number>> = { 5: 1, 7: 3, 11: 10, 15: 10 };

function jamo(text: string, folded: boolean): number[] {
  const out: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0) - HANGUL_BASE;
    if (code < 0 || code > 11171) continue;
    const vowel = Math.floor((code % 588) / 28);
    out.push(
      Math.floor(code / 588),
      100 + (folded ? (VOWEL_SOUND[vowel] ?? vowel) : vowel),
      200 + (code % 28),
    );
  }
  return out;
}

function editDistance(a: readonly number[], b: readonly number[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Hangul compared letter by letter: 1 when equal, 'sound' when only sound-alike vowels differ, else 0..1. */
export function hangulSimilarity(a: string, b: string): number | 'sound' {
  if (a === b) return 1;
  const foldedA = jamo(a, true);
  const foldedB = jamo(b, true);
  if (foldedA.length > 0 && foldedA.join() === foldedB.join()) return 'sound';
  const plainA = jamo(a, false);
  const plainB = jamo(b, false);
  const longest = Math.max(plainA.length, plainB.length);
  return longest === 0 ? 0 : 1 - editDistance(plainA, plainB) / longest;
}

export function isHangulText(text: string): boolean {
  return text !== '' && /^[\uAC00-\uD7A3 ]+$/.test(text);
}
