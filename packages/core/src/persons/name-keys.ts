// One entry point for names in any script: detects Hangul, Khmer, Han or Latin, and turns the name into
// readings (surname + given name, each with its Latin spellings and sound keys) and flat keys.
import { romaniseChineseName } from './chinese-romanise.ts';
import { isHangulSyllable, koreanSurnameClan, romaniseHangulName } from './hangul-romanise.ts';
import { romaniseKhmerName } from './khmer-romanise.ts';
import { KOREAN_SURNAMES } from './korean-surnames.ts';
import { foldLatin, latinNameSplits } from './latin-name.ts';
import { containsOtherScript, transliterate } from './other-script.ts';
import { consonantSkeleton, phoneticKey } from './phonetic-key.ts';
import { containsThai, romaniseThaiWord } from './thai-romanise.ts';

export type NameScript = 'hangul' | 'khmer' | 'han' | 'latin' | 'other';

export interface NamePart {
  /** As written, normalised: 'LEE', '이', 'សុខ'; '' when the reading has no such part. */
  written: string;
  /** Upper-case ASCII spellings, the likeliest first. */
  spellings: string[];
  /** Sound keys of the spellings (phonetic-key.ts). */
  phonetic: string[];
  /** Consonant skeletons, for scripts that leave vowels unwritten or spell them many ways (Khmer, Arabic, Thai). */
  skeletons: string[];
  /** Korean surname clans this surname may stand for ('YUN' → 윤, 연); empty for given names. */
  clans: string[];
}

export interface NameReading {
  surname: NamePart;
  given: NamePart;
  /** A middle name or patronymic was left out to make this reading. */
  shortened?: boolean;
  /** What was left out was of two to four letters (PAUL, MIN): a greater doubt. */
  short?: boolean;
}

export interface NameAnalysis {
  input: string;
  script: NameScript;
  /** Ways to read the name, the likeliest first; empty when nothing in the name could be read. */
  readings: NameReading[];
}

const MAX_KEYS_PER_READING = 64;

const clansByLatin = new Map<string, string[]>();
for (const surname of KOREAN_SURNAMES) {
  for (const spelling of surname.spellings) {
    clansByLatin.set(spelling, [...(clansByLatin.get(spelling) ?? []), surname.hangul]);
  }
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

export function namePart(
  written: string,
  spellings: readonly string[],
  clans: readonly string[] = [],
): NamePart {
  return {
    written,
    spellings: unique(spellings),
    phonetic: unique(spellings.map(phoneticKey).filter((key) => key !== '')),
    skeletons: unique(spellings.map(consonantSkeleton).filter((key) => key !== '')),
    clans: unique(clans),
  };
}

export function detectScript(name: string): NameScript {
  const counts = { hangul: 0, khmer: 0, han: 0 };
  for (const char of name) {
    if (isHangulSyllable(char)) counts.hangul++;
    else if (/[\u1780-\u17DD]/.test(char)) counts.khmer++;
    else if (/\p{Script=Han}/u.test(char)) counts.han++;
  }
  const [script, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] as [NameScript, number];
  if (count > 0) return script;
  return containsOtherScript(name) ? 'other' : 'latin';
}

function latinReadings(name: string): NameReading[] {
  return latinNameSplits(name).map(({ surname, given, shortened, short }) => ({
    surname: namePart(surname, surname === '' ? [] : [surname], clansByLatin.get(surname) ?? []),
    given: namePart(given, given === '' ? [] : [given]),
    ...(shortened && { shortened }),
    ...(short && { short }),
  }));
}

// Cyrillic, Arabic…: transliterated, then read as a Latin name; the parts keep the original script.
function otherReadings(name: string): NameReading[] {
  if (containsThai(name)) return thaiReadings(name);
  const words = name
    .normalize('NFC')
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  const latin = words.map((word) => foldLatin(transliterate(word)).replace(/ /g, ''));
  const written = new Map(latin.map((word, i) => [word, words[i] as string]));
  return latinReadings(latin.join(' ')).map((reading) => ({
    ...reading,
    surname: { ...reading.surname, written: written.get(reading.surname.written) ?? reading.surname.written },
  }));
}

function hangulReadings(name: string): NameReading[] {
  return romaniseHangulName(name).map((reading) => ({
    surname: namePart(
      reading.surname,
      reading.surnameSpellings,
      reading.surname ? [reading.surnameClan] : [],
    ),
    given: namePart(reading.given, reading.givenSpellings),
  }));
}

// Khmer names are written surname first; English records often flip them, so every rotation counts.
function khmerReadings(name: string): NameReading[] {
  const words = name
    .normalize('NFC')
    .split(/[\s\u200B]+/)
    .filter((word) => /[\u1780-\u17DD]/.test(word));
  const spellings = romaniseKhmerName(words.join(' '));
  if (words.length !== spellings.length) return [];
  return rotatedReadings(words, spellings);
}

// Thai names are written given name first and surname last, and in English often the other way round: every
// rotation counts, each word with its several Latin spellings (thai-romanise.ts).
function thaiReadings(name: string): NameReading[] {
  const words = name
    .normalize('NFC')
    .split(/[\s,\u200B]+/)
    .filter((word) => word !== '')
    .slice(0, 6);
  const spellings = words.map((word) =>
    containsThai(word) ? romaniseThaiWord(word) : [foldLatin(transliterate(word)).replace(/ /g, '')],
  );
  return rotatedReadings(words, spellings);
}

// Each word in turn the surname and the rest, in order, the given name; a single word either part.
function rotatedReadings(words: readonly string[], spellings: readonly (readonly string[])[]): NameReading[] {
  if (words.length === 0) return [];
  const empty = namePart('', []);
  if (words.length === 1) {
    const only = namePart(words[0] as string, spellings[0] as string[]);
    return [
      { surname: empty, given: only },
      { surname: only, given: empty },
    ];
  }
  return words.map((_, start) => {
    const order = [...words.keys()].map((offset) => (start + offset) % words.length);
    const [first, ...rest] = order as [number, ...number[]];
    let given = [''];
    for (const index of rest)
      given = given.flatMap((prefix) => (spellings[index] ?? []).map((s) => prefix + s));
    return {
      surname: namePart(words[first] as string, spellings[first] as string[]),
      given: namePart(rest.map((index) => words[index]).join(' '), given.slice(0, MAX_KEYS_PER_READING)),
    };
  });
}

function hanReadings(name: string): NameReading[] {
  const reading = romaniseChineseName(name);
  if (!reading) return [];
  return [
    {
      surname: namePart(reading.surname, reading.surnameSpellings),
      given: namePart(reading.given, reading.givenSpellings),
    },
  ];
}

const READERS: Record<NameScript, (name: string) => NameReading[]> = {
  latin: latinReadings,
  hangul: hangulReadings,
  khmer: khmerReadings,
  han: hanReadings,
  other: otherReadings,
};

const analysisCache = new Map<string, NameAnalysis>();
const CACHE_LIMIT = 5000;

/** Readings of a name in any script. Never throws; unreadable text gives no readings. */
export function analyseName(name: string): NameAnalysis {
  const cached = analysisCache.get(name);
  if (cached) return cached;
  const script = detectScript(name);
  const analysis: NameAnalysis = { input: name, script, readings: READERS[script](name) };
  // Ranking a pool compares the same names again and again; the cache is bounded for long sessions.
  if (analysisCache.size >= CACHE_LIMIT) analysisCache.clear();
  analysisCache.set(name, analysis);
  return analysis;
}

function combine(surnames: readonly string[], givens: readonly string[]): string[] {
  const keys: string[] = [];
  for (const surname of surnames.length > 0 ? surnames : ['']) {
    for (const given of givens.length > 0 ? givens : ['']) {
      const key = `${surname} ${given}`.trim();
      if (key !== '') keys.push(key);
    }
  }
  return keys.slice(0, MAX_KEYS_PER_READING);
}

/**
 * Comparable keys of a name in any script: spelled keys 'SURNAME GIVEN' in upper-case ASCII
 * ('LEE YOUNGSOO', 'YI YEONGSU' for 이영수; 'SOK DARA' and 'DARA SOK' for "Dara Sok"), and sound keys
 * starting with '~' in which a Korean surname is its Hangul clan ('~이 YUNGSU' for both "Lee Youngsoo"
 * and "Yi Yeongsu"). Two names sharing a key are likely the same name.
 */
export function nameKeys(name: string): Set<string> {
  const keys = new Set<string>();
  for (const { surname, given } of analyseName(name).readings) {
    for (const key of combine(surname.spellings, given.spellings)) keys.add(key);
    const surnameSounds = surname.clans.length > 0 ? surname.clans : surname.phonetic;
    for (const key of combine(surnameSounds, given.phonetic)) keys.add(`~${key}`);
  }
  return keys;
}

/** Korean surname clan of a Latin or Hangul surname, for callers grouping by family name. */
export function koreanClansOf(surname: string): string[] {
  if ([...surname].some(isHangulSyllable)) return [koreanSurnameClan(surname.trim())];
  return clansByLatin.get(foldLatin(surname).replace(/ /g, '')) ?? [];
}
