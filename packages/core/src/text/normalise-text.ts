/**
 * What every text a person types goes through before it is checked, stored or compared: one form for one
 * text, and nothing that makes a text read differently from what it is.
 */

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). None of our scripts needs
 * them, and they make text lie: "invoice‮fdp.exe" shows as "invoiceexe.pdf". The marks LRM and RLM stay.
 */
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters that show nothing: white space, soft hyphen, combining grapheme joiner, Hangul fillers, zero-width
 * space, joiners and marks, word joiner, invisible operators, byte-order mark. At either end of a text they
 * only hide that it is empty; inside they stay (Khmer separates words with zero-width spaces).
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: it tests one character at a time, never a sequence
const invisible = /[\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]/;

/** Trims invisible characters, one pass from each end (a regex like /\s+$/ takes quadratic time). */
function trimInvisible(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && invisible.test(value[start]!)) start += 1;
  while (end > start && invisible.test(value[end - 1]!)) end -= 1;
  return value.slice(start, end);
}

/**
 * A text as we keep it: bidirectional controls removed, Unicode NFC (so "한" typed on a Mac, which sends
 * jamo, equals "한" typed elsewhere), and trimmed of white space and invisible characters at both ends, so a
 * text of zero-width spaces is empty. Idempotent; never throws.
 */
export function normaliseText(value: string): string {
  return trimInvisible(normaliseTextKeepingEnds(value));
}

/**
 * The same without trimming, for text whose leading white space means something (Markdown indents a code
 * block). Judge its emptiness with `isBlankText`.
 */
export function normaliseTextKeepingEnds(value: string): string {
  return value.replace(bidiControls, '').normalize('NFC');
}

/** Whether a text shows nothing: only white space and invisible characters. */
export function isBlankText(value: string): boolean {
  return trimInvisible(value) === '';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we look for
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function codePointName(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const lonelySurrogateProblem = 'This text has a broken character (a lone UTF-16 surrogate)';

/**
 * Why a text cannot be taken as it is, in English, or undefined when it can. Control characters (all but tab,
 * line feed and carriage return) and lone UTF-16 surrogates are refused rather than dropped: they are not
 * text anyone typed, and PostgreSQL cannot store NUL at all.
 */
export function textProblem(value: string): string | undefined {
  const control = controlCharacter.exec(value);
  if (control) return `Remove the control character ${codePointName(control[0])}`;
  if (loneSurrogate.test(value)) return lonelySurrogateProblem;
  return undefined;
}

/**
 * Why no field at all can take this string, or undefined: NUL, which PostgreSQL refuses in text and JSON, and
 * lone surrogates, which are not Unicode (JSON columns refuse them, text columns would keep U+FFFD instead).
 * The request guard applies it to every string of every request, text field or not.
 */
export function unstorableTextProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'Remove the control character U+0000';
  if (loneSurrogate.test(value)) return lonelySurrogateProblem;
  return undefined;
}
