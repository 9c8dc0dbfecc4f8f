// How close two spellings are, for the "similar" level of a name part: Jaro–Winkler on Latin spellings (a
// clerk's slip near the end of a name matters less than one at its start), and for two Hangul names the jamo
// (consonant and vowel letters) of their syllables, so that 재명 and 재형 are one letter of six apart, not
// "a variant" because their romanisations share a sound key.

/** Jaro–Winkler similarity, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = true;
      matchedB[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
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
