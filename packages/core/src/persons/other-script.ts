// Names in scripts without a reader of their own (Cyrillic, Greek, Thai, Arabic, Devanagari…) are read
// through any-ascii, a maintained Unicode-to-ASCII transliteration, and then compared as Latin names.
// Scripts that leave vowels unwritten (Arabic محمد → MHMD) are compared by consonant skeleton.
import anyAscii from 'any-ascii';

const OTHER_LETTER =
  /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Hangul}\p{Script=Khmer}\p{Script=Han}]/u;
const VOWELLESS = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Lao}\p{Script=Syriac}]/u;

export function containsOtherScript(text: string): boolean {
  return OTHER_LETTER.test(text);
}

/** Whether the script writes few or no vowels, so that only consonants can be compared. */
export function writesFewVowels(text: string): boolean {
  return VOWELLESS.test(text);
}

const ARABIC = /\p{Script=Arabic}/u;

/**
 * Latin letters for a name in any script ('Владимир Путин' → 'Vladimir Putin'). In Arabic script و and ي
 * inside a word are mostly the long vowels u and i (حسين HSYN is Husayn), so they are read as vowels and
 * only the consonants are left to compare.
 */
export function transliterate(text: string): string {
  const latin = anyAscii(text.normalize('NFC'));
  if (!ARABIC.test(text)) return latin;
  return latin.replace(/(?<=[a-z'`])w/gi, 'u').replace(/(?<=[a-z'`])y/gi, 'i');
}
