// Khmer letters → popular Latin spellings of names, after UNGEGN and ALA-LC practice bent towards the
// spellings Cambodians use on passports (SOK, CHEA, SREY, VANNA). A consonant belongs to the a-series
// or the o-series; the series changes how the following vowel sounds and so how it is spelled.
export type KhmerSeries = 'a' | 'o';

export interface KhmerConsonant {
  initial: string;
  final: string;
  series: KhmerSeries;
}

const C = (initial: string, final: string, series: KhmerSeries): KhmerConsonant => ({
  initial,
  final,
  series,
});

export const KHMER_CONSONANTS: Readonly<Record<string, KhmerConsonant>> = {
  ក: C('K', 'K', 'a'),
  ខ: C('KH', 'K', 'a'),
  គ: C('K', 'K', 'o'),
  ឃ: C('KH', 'K', 'o'),
  ង: C('NG', 'NG', 'o'),
  ច: C('CH', 'CH', 'a'),
  ឆ: C('CHH', 'CH', 'a'),
  ជ: C('CH', 'CH', 'o'),
  ឈ: C('CHH', 'CH', 'o'),
  ញ: C('NH', 'NH', 'o'),
  ដ: C('D', 'T', 'a'),
  ឋ: C('TH', 'T', 'a'),
  ឌ: C('D', 'T', 'o'),
  ឍ: C('TH', 'T', 'o'),
  ណ: C('N', 'N', 'a'),
  ត: C('T', 'T', 'a'),
  ថ: C('TH', 'T', 'a'),
  ទ: C('T', 'T', 'o'),
  ធ: C('TH', 'T', 'o'),
  ន: C('N', 'N', 'o'),
  ប: C('B', 'P', 'a'),
  ផ: C('PH', 'P', 'a'),
  ព: C('P', 'P', 'o'),
  ភ: C('PH', 'P', 'o'),
  ម: C('M', 'M', 'o'),
  យ: C('Y', 'Y', 'o'),
  // A final រ is silent in standard Khmer (ពេជ្រ PECH, កុមារ KOMA).
  រ: C('R', '', 'o'),
  ល: C('L', 'L', 'o'),
  វ: C('V', 'V', 'o'),
  ឝ: C('S', 'S', 'a'),
  ឞ: C('S', 'S', 'a'),
  ស: C('S', 'S', 'a'),
  ហ: C('H', 'H', 'a'),
  ឡ: C('L', 'L', 'a'),
  អ: C('', '', 'a'),
};

export const KHMER_INDEPENDENT_VOWELS: Readonly<Record<string, string>> = {
  ឣ: 'A',
  ឤ: 'A',
  ឥ: 'E',
  ឦ: 'EI',
  ឧ: 'O',
  ឨ: 'OU',
  ឩ: 'OU',
  ឪ: 'AV',
  ឫ: 'RUE',
  ឬ: 'RUE',
  ឭ: 'LUE',
  ឮ: 'LUE',
  ឯ: 'AE',
  ឰ: 'AI',
  ឱ: 'AO',
  ឲ: 'AO',
  ឳ: 'AU',
};

/** Spellings of a vowel after an a-series and an o-series consonant, the commonest in names first. */
export interface KhmerVowel {
  a: readonly string[];
  o: readonly string[];
}

const V = (a: string[], o: string[]): KhmerVowel => ({ a, o });

// The inherent vowel (no vowel sign): names favour a plain A whatever the series (VANNA, RATANA).
export const KHMER_INHERENT_OPEN = V(['A', 'O'], ['A', 'O']);
export const KHMER_INHERENT_CLOSED = V(['A'], ['A', 'EA', 'O', 'UO']);

// Keys are the vowel signs as written, including the two-sign combinations that sound as one.
export const KHMER_VOWELS: Readonly<Record<string, KhmerVowel>> = {
  'ា': V(['A'], ['EA', 'A']),
  'ិ': V(['E', 'I'], ['I', 'E']),
  'ី': V(['EY', 'I', 'Y'], ['I', 'Y', 'EY']),
  'ឹ': V(['OE', 'EU'], ['UE', 'EU', 'I']),
  'ឺ': V(['OE', 'EU'], ['UE', 'EU']),
  'ុ': V(['O', 'U'], ['U', 'O']),
  'ូ': V(['O', 'OU'], ['U', 'OU']),
  'ួ': V(['UO', 'OU'], ['UO', 'OU']),
  'ើ': V(['AE', 'OE'], ['OEU', 'OE']),
  'ឿ': V(['OEU', 'UEA'], ['OEU', 'UEA']),
  'ៀ': V(['IE', 'EA', 'IA'], ['IE', 'EA', 'IA']),
  'េ': V(['E'], ['E']),
  'ែ': V(['AE', 'E'], ['E', 'AE']),
  'ៃ': V(['AI', 'EY'], ['EY', 'AI']),
  'ោ': V(['AO', 'O'], ['O', 'AO']),
  'ៅ': V(['AO', 'OU', 'AU'], ['OU', 'OV', 'AO']),
  'ំ': V(['AM'], ['UM', 'OM', 'AM']),
  'ាំ': V(['AM'], ['OAM', 'EAM', 'AM']),
  'ុំ': V(['OM'], ['OM', 'UM']),
  'ះ': V(['AH', 'A'], ['EAH', 'EA']),
  'ុះ': V(['OH', 'UH'], ['UH', 'OH']),
  'េះ': V(['EH'], ['EH']),
  'ោះ': V(['AOH', 'OH'], ['UOH', 'OH']),
  'ៈ': V(['A', 'AK'], ['EA', 'A']),
  '័': V(['A'], ['OA', 'A']),
};
