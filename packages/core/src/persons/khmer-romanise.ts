// Khmer-script names → approximate Latin spellings, good enough to produce candidate keys that match
// common Cambodian names against their romanisations (សុខ → SOK, ដារា → DARA/DAREA, វណ្ណៈ → VANNA).
//
// Limits, on purpose: syllables are cut by a few orthographic rules (a bare consonant closes the
// syllable before it when a new syllable follows or the word ends; a consonant carrying a subscript
// after a syllable without vowel sign closes it and its subscript opens the next), not by a
// dictionary; Pali/Sanskrit spellings with silent letters beyond ៍ and final រ come out too long;
// vowel spellings are guesses among the popular ones. Matching therefore relies on the consonant
// skeleton (phonetic-key.ts) as much as on these spellings.
import {
  KHMER_CONSONANTS,
  KHMER_INDEPENDENT_VOWELS,
  KHMER_INHERENT_CLOSED,
  KHMER_INHERENT_OPEN,
  KHMER_VOWELS,
  type KhmerSeries,
} from './khmer-table.ts';

const COENG = '\u17D2';
const SHIFT_TO_A = '\u17C9';
const SHIFT_TO_O = '\u17CA';
const BANTOC = '\u17CB';
const SILENT = '\u17CD';
const VOWEL_SIGN = /[\u17B6-\u17C5\u17C6-\u17C8\u17D0]/;
const MAX_WORD_SPELLINGS = 12;
const SONORANTS = new Set(['ង', 'ញ', 'ន', 'ម', 'យ', 'រ', 'ល', 'វ']);

interface Cluster {
  base: string;
  subs: string[];
  vowel: string;
  shift?: KhmerSeries;
  bantoc: boolean;
  silent: boolean;
}

interface Syllable {
  onset: string;
  series: KhmerSeries;
  vowel: string;
  fixedVowel?: string;
  codas: string[] | null;
}

export function containsKhmer(text: string): boolean {
  return /[\u1780-\u17FF]/.test(text);
}

function clusters(word: string): Cluster[] {
  const out: Cluster[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const current = out[out.length - 1];
    if (KHMER_CONSONANTS[char] || KHMER_INDEPENDENT_VOWELS[char]) {
      out.push({ base: char, subs: [], vowel: '', bantoc: false, silent: false });
    } else if (!current) {
      // A sign before any letter belongs to nothing: skip it.
    } else if (char === COENG && KHMER_CONSONANTS[chars[i + 1] ?? '']) {
      current.subs.push(chars[++i] as string);
    } else if (char === SHIFT_TO_A || char === SHIFT_TO_O) {
      current.shift = char === SHIFT_TO_A ? 'a' : 'o';
    } else if (char === BANTOC) {
      current.bantoc = true;
    } else if (char === SILENT) {
      current.silent = true;
    } else if (VOWEL_SIGN.test(char)) {
      current.vowel += char;
    }
  }
  // The last letter under ៍ is not pronounced, nor written in Latin: a subscript, or else the base.
  for (const cluster of out) if (cluster.silent && cluster.subs.pop() !== undefined) cluster.silent = false;
  return out.filter((cluster) => !cluster.silent);
}

function initialOf(letters: readonly string[]): string {
  return letters.map((letter) => KHMER_CONSONANTS[letter]?.initial ?? '').join('');
}

// A cluster takes the series of its base, unless a register sign says otherwise or a non-sonorant
// o-series subscript pulls it to the o-series.
function seriesOf(letters: readonly string[], shift: KhmerSeries | undefined): KhmerSeries {
  if (shift) return shift;
  const [base, sub] = letters;
  if (sub && !SONORANTS.has(sub) && KHMER_CONSONANTS[sub]?.series === 'o') return 'o';
  return KHMER_CONSONANTS[base ?? '']?.series ?? 'a';
}

function finalOf(letter: string): string {
  return KHMER_CONSONANTS[letter]?.final ?? '';
}

function closingCodas(cluster: Cluster): string[] {
  const last = cluster.subs[cluster.subs.length - 1];
  const base = finalOf(cluster.base);
  if (!last || last === 'រ') return [base];
  return [...new Set([base, initialOf([last])])];
}

function opensSyllable(cluster: Cluster | undefined): boolean {
  return cluster !== undefined && (cluster.vowel !== '' || cluster.shift !== undefined);
}

function onsetSyllable(letters: string[], vowel: string, shift?: KhmerSeries): Syllable {
  return { onset: initialOf(letters), series: seriesOf(letters, shift), vowel, codas: null };
}

function syllables(word: string): Syllable[] {
  const list = clusters(word);
  const out: Syllable[] = [];
  list.forEach((cluster, index) => {
    const independent = KHMER_INDEPENDENT_VOWELS[cluster.base];
    if (independent !== undefined) {
      out.push({ onset: '', series: 'a', vowel: '', fixedVowel: independent, codas: null });
      return;
    }
    const current = out[out.length - 1];
    const isLast = index === list.length - 1;
    const open = current !== undefined && current.codas === null;
    const bare = cluster.vowel === '' && cluster.shift === undefined;
    const currentHasVowel =
      current !== undefined && (current.vowel !== '' || current.fixedVowel !== undefined);
    if (open && cluster.subs.length > 0 && (bare ? !isLast : !currentHasVowel)) {
      // ចន្ទា CHAN-THA: the base closes the syllable before, the subscript opens the next one.
      current.codas = [finalOf(cluster.base)];
      out.push(onsetSyllable(cluster.subs, cluster.vowel, cluster.shift));
    } else if (
      open &&
      bare &&
      (cluster.bantoc || isLast || (currentHasVowel && opensSyllable(list[index + 1])))
    ) {
      current.codas = closingCodas(cluster);
    } else {
      out.push(onsetSyllable([cluster.base, ...cluster.subs], cluster.vowel, cluster.shift));
    }
  });
  return out;
}

function vowelSpellings(syllable: Syllable): readonly string[] {
  if (syllable.fixedVowel !== undefined) return [syllable.fixedVowel];
  if (syllable.vowel === '') {
    return (syllable.codas === null ? KHMER_INHERENT_OPEN : KHMER_INHERENT_CLOSED)[syllable.series];
  }
  const known = KHMER_VOWELS[syllable.vowel];
  if (known) return known[syllable.series];
  // An unusual combination of signs: spell each sign on its own.
  return [[...syllable.vowel].map((sign) => KHMER_VOWELS[sign]?.[syllable.series][0] ?? '').join('')];
}

function syllableSpellings(syllable: Syllable): string[] {
  const spellings: string[] = [];
  for (const vowel of vowelSpellings(syllable)) {
    for (const coda of syllable.codas ?? ['']) spellings.push(syllable.onset + vowel + coda);
  }
  return spellings;
}

/** Candidate Latin spellings of one Khmer word, upper-case ASCII, the likeliest first. */
export function romaniseKhmerWord(word: string): string[] {
  let spellings = [''];
  for (const syllable of syllables(word)) {
    const next: string[] = [];
    for (const prefix of spellings) for (const part of syllableSpellings(syllable)) next.push(prefix + part);
    spellings = next.slice(0, MAX_WORD_SPELLINGS);
  }
  return [...new Set(spellings.filter((spelling) => spelling !== ''))];
}

/** The words of a Khmer name in writing order, each with its candidate spellings. */
export function romaniseKhmerName(name: string): string[][] {
  return name
    .normalize('NFC')
    .split(/[\s\u200B]+/)
    .map(romaniseKhmerWord)
    .filter((spellings) => spellings.length > 0);
}
