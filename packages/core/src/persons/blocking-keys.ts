// Keys that put two records of one person in the same candidate pool before any scoring (blocking), even
// when their names are spelled differently: equal keys are looked up in an index, so each key must survive the
// differences between two records of one person that the scorer forgives. A pair is pooled when it shares one.
//   n:  full-name sound key (surname clan or sound + given-name sound): romanisation variants, order flips
//   k:  full-name consonant skeleton: Khmer and Arabic vowel spellings (SOPHEA/SOPHIA, محمد/MOHAMED)
//   g:  given-name sound key alone: a surname misspelt or another surname's romanisation
//   p:, q:  surname + the first or the last three letters of the given-name sound key: one typo in the given name
//           leaves one of the two intact
//   d:  surname or given-name sound + full birth date: the name badly garbled, the date right; and the first
//       consonants of both parts + the birth date with day and month in either order ('d:*BP_2003-04-23'): both
//       parts slipped (PAUK BERNARD / Paul Brrnard), or the date's day and month swapped
//   s:  surname sound key, for counting how common the surname is (never blocked on: a fifth of Koreans)
import { fullNameKeys, fullNameSkeletons, surnameSoundKeys, tagged } from './name-frequency.ts';
import { analyseName, type NamePart } from './name-keys.ts';

/** The kinds of key a candidate pool is drawn by; 's' keys are for counting only. */
export const BLOCKING_KINDS = ['n', 'k', 'g', 'p', 'q', 'd'] as const;
export type BlockingKind = (typeof BLOCKING_KINDS)[number];

const MAX_KEYS = 200;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Blocking keys of a person ('n:이_YUNGSU', 'g:YUNGSU', 'p:이_YUN', …), at most 200, without duplicates. */
export function personBlockingKeys(names: readonly string[], birthDate?: string): string[] {
  const keys = new Set<string>();
  const date = birthDate && FULL_DATE.test(birthDate) ? birthDate : undefined;
  for (const name of names.slice(0, 8)) {
    for (const key of fullNameKeys(name).slice(0, 24)) keys.add(tagged('n', key));
    for (const key of fullNameSkeletons(name).slice(0, 12)) keys.add(tagged('k', key));
    for (const { surname, given } of analyseName(name).readings.slice(0, 8)) {
      if (date) for (const key of initialsWithDate(surname, given, date)) keys.add(tagged('d', key));
      const surnames = surname.written === '' ? [] : surnameSoundKeys(surname).slice(0, 3);
      for (const s of surnames) keys.add(tagged('s', s));
      for (const g of given.phonetic.slice(0, 4)) {
        if (g.length < 2) continue;
        keys.add(tagged('g', g));
        if (date) keys.add(tagged('d', `${g} ${date}`));
        for (const s of surnames) {
          if (g.length >= 4) {
            keys.add(tagged('p', `${s} ${g.slice(0, 3)}`));
            keys.add(tagged('q', `${s} ${g.slice(-3)}`));
          }
          if (date) keys.add(tagged('d', `${s} ${date}`));
        }
      }
    }
  }
  return [...keys].slice(0, MAX_KEYS);
}

const initials = (part: NamePart): string[] => [
  ...new Set(part.skeletons.slice(0, 3).map((skeleton) => skeleton.charAt(0))),
];

// '*' + the sorted first consonants of surname and given name + the date, its month and day in ascending order.
function initialsWithDate(surname: NamePart, given: NamePart, date: string): string[] {
  const [year, month, day] = date.split('-') as [string, string, string];
  const either = `${year}-${[month, day].sort().join('-')}`;
  const keys: string[] = [];
  for (const s of initials(surname)) {
    for (const g of initials(given)) keys.push(`*${[s, g].sort().join('')} ${either}`);
  }
  return keys;
}

/** The blocking keys of a person grouped by kind, to weigh how much two persons share. */
export function blockingKeysByKind(keys: readonly string[]): Record<BlockingKind, string[]> {
  const out = Object.fromEntries(BLOCKING_KINDS.map((kind) => [kind, [] as string[]])) as Record<
    BlockingKind,
    string[]
  >;
  for (const key of keys) {
    const kind = key.slice(0, key.indexOf(':')) as BlockingKind;
    out[kind]?.push(key);
  }
  return out;
}
