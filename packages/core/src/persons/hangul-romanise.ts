// Hangul names → Latin spellings. Passports spell names syllable by syllable with the Revised
// Romanization and no sound change across syllables (한복남 → HAN BOKNAM, not HAN BONGNAM), so each
// syllable is romanised alone. Older records, visas and foreign police use other spellings, so the
// common variants of surnames (a table) and of given-name syllables (rules) come with it.
import { romanize } from 'es-hangul';
import {
  KOREAN_DOUBLE_SURNAMES,
  KOREAN_SURNAME_ALIASES,
  KOREAN_SURNAMES,
  type KoreanSurname,
} from './korean-surnames.ts';

const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]$/;
const MAX_SYLLABLE_VARIANTS = 8;
const MAX_GIVEN_SPELLINGS = 32;

export interface HangulNameReading {
  /** Surname in Hangul as written ('이', '남궁'). Empty when the name has a single syllable part. */
  surname: string;
  given: string;
  /** The surname's clan key: North Korean and older forms folded (리 → 이, 류 → 유). */
  surnameClan: string;
  /** Passport spelling first, then common variants; upper-case ASCII. */
  surnameSpellings: string[];
  givenSpellings: string[];
  /** 'HAN BOKNAM' */
  passport: string;
}

export function isHangulSyllable(char: string): boolean {
  return HANGUL_SYLLABLE.test(char);
}

const syllableCache = new Map<string, string>();

/** Revised Romanization of one syllable standing alone, upper-case ('석' → 'SEOK'). */
export function romaniseSyllable(syllable: string): string {
  let latin = syllableCache.get(syllable);
  if (latin === undefined) {
    // es-hangul applies Korean pronunciation rules; on a lone syllable they only pick the final
    // consonant's sound, which is what a passport writes.
    latin = romanize(syllable).toUpperCase();
    syllableCache.set(syllable, latin);
  }
  return latin;
}

const surnameByHangul = new Map<string, KoreanSurname>(KOREAN_SURNAMES.map((s) => [s.hangul, s]));

export function koreanSurnameClan(hangul: string): string {
  return KOREAN_SURNAME_ALIASES[hangul] ?? hangul;
}

export function koreanSurname(hangul: string): KoreanSurname | undefined {
  return surnameByHangul.get(koreanSurnameClan(hangul));
}

// Initial consonants that records swap freely: ㄱ G/K, ㄷ D/T, ㅂ B/P, ㅈ J/CH, ㅅ S/SH before I,
// ㄹ R/L.
const INITIAL_ALTERNATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^G/, 'K'],
  [/^D/, 'T'],
  [/^B/, 'P'],
  [/^J/, 'CH'],
  [/^S(?=I|WI)/, 'SH'],
  [/^R/, 'L'],
];

// Vowel spellings of the older McCune–Reischauer-like practice still common in names.
function vowelVariants(latin: string): string[] {
  const variants = [latin];
  variants.push(latin.replace(/EO/g, 'U').replace(/EU/g, 'U').replace(/UI$/, 'EE').replace(/OE/g, 'OI'));
  variants.push(latin.replace(/EO(?=NG)/g, 'OU'));
  // McCune–Reischauer without its breve, as North Korean names are written (정 JONG, 설 SOL: 김정은 KIM JONG UN).
  variants.push(latin.replace(/EO/g, 'O'));
  variants.push(latin.replace(/(?<![EO])U(?!I)/g, 'OO'));
  variants.push(latin.replace(/([^AEIOUY])I$/, '$1EE').replace(/^I$/, 'EE'));
  variants.push(latin.replace(/UI$/, 'I'));
  if (latin === 'U') variants.push('WOO', 'WU');
  return variants;
}

/** The passport spelling of a syllable first, then common variants ('영' → YEONG, YUNG, YOUNG…). */
export function syllableVariants(syllable: string): string[] {
  const base = romaniseSyllable(syllable);
  const initials = [base];
  for (const [pattern, replacement] of INITIAL_ALTERNATIONS) {
    if (pattern.test(base)) initials.push(base.replace(pattern, replacement));
  }
  const all = new Set<string>();
  for (const vowelForm of vowelVariants(base)) all.add(vowelForm);
  for (const initialForm of initials) for (const form of vowelVariants(initialForm)) all.add(form);
  return [...all].slice(0, MAX_SYLLABLE_VARIANTS);
}

function givenSpellings(given: string): string[] {
  let spellings = [''];
  for (const syllable of given) {
    const next: string[] = [];
    for (const prefix of spellings) {
      for (const variant of syllableVariants(syllable)) next.push(prefix + variant);
    }
    // Passport spelling stays first because every list starts with it.
    spellings = next.slice(0, MAX_GIVEN_SPELLINGS);
  }
  return given === '' ? [] : spellings;
}

function surnameSpellings(surname: string): string[] {
  if (surname === '') return [];
  const passport = [...surname].map(romaniseSyllable).join('');
  const known = koreanSurname(surname)?.spellings ?? [];
  const fromRules = surname.length === 1 ? syllableVariants(surname) : [];
  return [...new Set([passport, ...known, ...fromRules])];
}

function reading(surname: string, given: string): HangulNameReading {
  const surnames = surnameSpellings(surname);
  const givens = givenSpellings(given);
  return {
    surname,
    given,
    surnameClan: koreanSurnameClan(surname),
    surnameSpellings: surnames,
    givenSpellings: givens,
    passport: [surnames[0], givens[0]].filter((part) => part !== undefined && part !== '').join(' '),
  };
}

// Splits a Hangul name into surname and given name. A space after the first one or two syllables is
// the writer's own split; otherwise the first syllable is the surname, or the first two when they
// form a double surname (남궁민 → 남궁 + 민, kept with 남 + 궁민 as a second reading).
function splitReadings(name: string): Array<readonly [string, string]> {
  const parts = name
    .split(/\s+/)
    .map((part) => [...part].filter(isHangulSyllable).join(''))
    .filter((part) => part !== '');
  const first = parts[0];
  if (first === undefined) return [];
  if (parts.length > 1 && first.length <= 2) return [[first, parts.slice(1).join('')]];
  const whole = parts.join('');
  if (whole.length === 1) return [[whole, '']];
  const head = whole.slice(0, 2);
  const single = [whole.slice(0, 1), whole.slice(1)] as const;
  if (whole.length >= 3 && KOREAN_DOUBLE_SURNAMES.has(head)) return [[head, whole.slice(2)], single];
  return [single];
}

/** Readings of a Hangul name, most likely first; empty when the text holds no Hangul syllable. */
export function romaniseHangulName(name: string): HangulNameReading[] {
  return splitReadings(name.normalize('NFC')).map(([surname, given]) => reading(surname, given));
}

/** 한복남 → 'HAN BOKNAM'; '' when the text holds no Hangul syllable. */
export function passportSpelling(name: string): string {
  return romaniseHangulName(name)[0]?.passport ?? '';
}
