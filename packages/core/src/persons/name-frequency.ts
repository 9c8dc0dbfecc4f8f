// How common a name is among the node's own persons, to weigh agreement by it (term frequency): sharing KIM
// says little where a fifth of the persons are Kims, sharing a full name says little where five other persons
// carry it. The node counts the keys of nameFrequencyKeys over its persons; the score reads them through
// NameFrequencies. Without counts (or with few persons), the census shares of surname-frequency.ts are the prior.
import { analyseName, nameKeys } from './name-keys.ts';
import { writesFewVowels } from './other-script.ts';

export interface NameFrequencies {
  /** Persons counted. */
  persons: number;
  /** How many of them carry this key of nameFrequencyKeys; 0 when none. */
  count(key: string): number;
}

/** How many persons the census share weighs as, against the node's own counts. */
const PRIOR_PERSONS = 200;
const MAX_KEYS = 160;

/** A key as stored: its kind, a colon, the key with '_' for spaces ('n:이_YUNGSU'), one word in a text. */
export function tagged(kind: string, key: string): string {
  return `${kind}:${key.replace(/ /g, '_')}`;
}

/** Sound keys of a surname: its Korean clans, else the sound keys of its spellings. */
export function surnameSoundKeys(part: { clans: readonly string[]; phonetic: readonly string[] }): string[] {
  return part.clans.length > 0 ? [...part.clans] : [...part.phonetic];
}

const keyCache = new Map<string, { sound: string[]; skeleton: string[] }>();

/**
 * Full-name keys of one name: its sound keys (the '~' keys of nameKeys, without the '~'), and its consonant
 * skeletons ('SK DR'), which is what two spellings of one Khmer name share.
 */
function fullKeys(name: string): { sound: string[]; skeleton: string[] } {
  const cached = keyCache.get(name);
  if (cached) return cached;
  const sound = [...nameKeys(name)].filter((key) => key.startsWith('~')).map((key) => key.slice(1));
  const skeleton = new Set<string>();
  for (const { surname, given } of analyseName(name).readings) {
    for (const s of surname.skeletons.slice(0, 4)) {
      for (const g of given.skeletons.slice(0, 8)) skeleton.add(`${s} ${g}`);
    }
  }
  const keys = { sound, skeleton: [...skeleton] };
  if (keyCache.size >= 5000) keyCache.clear();
  keyCache.set(name, keys);
  return keys;
}

/** Full-name sound keys of one name (the '~' keys of nameKeys, without the '~'). */
export function fullNameKeys(name: string): string[] {
  return fullKeys(name).sound;
}

/** Full-name consonant skeletons of one name ('SK DR' for SOK DARA). */
export function fullNameSkeletons(name: string): string[] {
  return fullKeys(name).skeleton;
}

/**
 * The keys a person is counted under: 'n:' and each full-name sound key, 'k:' and each full-name consonant
 * skeleton, 's:' and each surname sound key of every reading of every name. A person counts once per key
 * whatever the number of its names.
 */
export function nameFrequencyKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names.slice(0, 8)) {
    const { sound, skeleton } = fullKeys(name);
    for (const key of sound) keys.add(tagged('n', key));
    for (const key of skeleton) keys.add(tagged('k', key));
    for (const reading of analyseName(name).readings) {
      if (reading.surname.written === '') continue;
      for (const key of surnameSoundKeys(reading.surname)) keys.add(tagged('s', key));
    }
  }
  return [...keys].slice(0, MAX_KEYS);
}

/** Counts of nameFrequencyKeys over a list of persons' names, for tests, benches and small pools. */
export function countNameFrequencies(persons: readonly (readonly string[])[]): NameFrequencies {
  const counts = new Map<string, number>();
  for (const names of persons) {
    for (const key of nameFrequencyKeys(names)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { persons: persons.length, count: (key) => counts.get(key) ?? 0 };
}

/**
 * The share of persons carrying the commonest of these surname keys: the node's own count, drawn towards the
 * census share (prior) by PRIOR_PERSONS pseudo-persons, so that a small node still knows KIM is common.
 */
export function observedSurnameShare(
  keys: readonly string[],
  prior: number,
  frequencies: NameFrequencies | undefined,
): number {
  if (!frequencies || frequencies.persons === 0) return prior;
  const count = Math.max(0, ...keys.map((key) => frequencies.count(tagged('s', key))));
  return (count + PRIOR_PERSONS * prior) / (frequencies.persons + PRIOR_PERSONS);
}

/**
 * How many persons other than the two compared carry a full name the two share: 0 when the name is theirs
 * alone (or nothing was counted). Khmer, Thai and Arabic names are compared by consonants, so their namesakes
 * are too.
 */
export function namesakesOf(
  namesA: readonly string[],
  namesB: readonly string[],
  frequencies: NameFrequencies | undefined,
): number {
  if (!frequencies) return 0;
  const byConsonants = [...namesA, ...namesB].some(
    (name) => analyseName(name).script === 'khmer' || writesFewVowels(name),
  );
  const keysOf = (names: readonly string[]) =>
    names
      .slice(0, 8)
      .flatMap((name) => [
        ...fullKeys(name).sound.map((key) => tagged('n', key)),
        ...(byConsonants ? fullKeys(name).skeleton.map((key) => tagged('k', key)) : []),
      ]);
  const keysB = new Set(keysOf(namesB));
  let most = 0;
  for (const key of keysOf(namesA)) if (keysB.has(key)) most = Math.max(most, frequencies.count(key));
  return Math.max(0, most - 2);
}
