// Coarse sound keys for romanised names. Romanisations of one Korean, Khmer or Chinese name differ
// mostly in vowel spelling and in voicing or aspiration of consonants; folding those differences away
// makes "LEE YOUNGSOO" ≈ "YI YEONGSU" on the given name. Both keys lose information on purpose: a key
// match is a "variant" in the reasons, never an exact match.

const PHONETIC_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/RH/g, 'R'],
  [/SH/g, 'S'],
  [/CHH?/g, 'J'],
  [/TH/g, 'T'],
  [/PH/g, 'P'],
  [/KH/g, 'K'],
  // 영 YEONG/YOUNG/YUNG, 준 JUN/JOON, 은 EUN/UN, 희 HUI/HEE, 최 CHOE/CHOI, 재 JAE/JE.
  [/EO|OU|OO|EU/g, 'U'],
  [/EE|UI/g, 'I'],
  [/OI/g, 'OE'],
  [/AE/g, 'E'],
  [/WU/g, 'U'],
  // A silent H closing a vowel: AHN/AN, SOHN/SON, NOH/NO.
  [/(?<=[AEIOU])H(?![AEIOUY])/g, ''],
  [/K/g, 'G'],
  [/T/g, 'D'],
  [/P/g, 'B'],
  [/L/g, 'R'],
  [/(.)\1+/g, '$1'],
];

/** Korean-oriented sound key of an upper-case Latin string ('YOUNGSOO' and 'YEONGSU' → 'YUNGSU'). */
export function phoneticKey(latin: string): string {
  let key = latin.toUpperCase().replace(/[^A-Z]/g, '');
  for (const [pattern, replacement] of PHONETIC_RULES) key = key.replace(pattern, replacement);
  return key;
}

const SKELETON_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // CK is English spelling for one K (ลักษณ์ LAK, YINGLUCK).
  [/CK/g, 'K'],
  [/NG/g, '#'],
  // SH and CH are one sound across Arabic, Thai and French spellings (عائشة AISHA/AICHA, SHINAWATRA/CHINNAWAT).
  [/SH|CHH?|J/g, 'C'],
  [/KH|GH|G|Q/g, 'K'],
  [/TH|D/g, 'T'],
  [/PH|B|F/g, 'P'],
  [/NH|NY/g, 'N'],
  [/W/g, 'V'],
  [/#/g, 'NG'],
  // Khmer final រ and វ are mostly silent or vocalic (KEO/KEV, POV/PEOU, KOMA/KOMAR), a final H is
  // the breath of ះ that many spellings drop.
  [/[RVH]+$/g, ''],
  [/(?<!^)H/g, ''],
  [/[AEIOUY]/g, ''],
  [/(.)\1+/g, '$1'],
];

/**
 * Consonant skeleton of one romanised word, for Khmer names whose vowels have many spellings
 * (SOPHEA/SOPHIA/SOPEA → 'SP'). Works word by word: the rule for final consonants needs word ends.
 */
export function consonantSkeleton(word: string): string {
  let key = word.toUpperCase().replace(/[^A-Z]/g, '');
  for (const [pattern, replacement] of SKELETON_RULES) key = key.replace(pattern, replacement);
  return key;
}

// What a run of vowels may stand for in a Latin spelling of an Arabic, Persian or Turkish name: the short
// vowels a, i, u are written a/e, i/e/ee/y, u/o/ou/oo; a lone E is any of them (YUSUF/YOUSSEF), AI/AY/EI one
// diphthong also written I (SULAYMAN/SOLIMAN). AE and EO are Korean letters of their own (JAEHUN is not JIHUN).
function vowelClasses(run: string): string {
  if (run === 'E') return 'aiu';
  if (run === 'A') return 'a';
  if (run === 'AE') return 'e';
  if (/^(AI|AY|EI|EY|AYI|EYI)$/.test(run)) return 'di';
  if (/^[IY]+$|^EE$|^IE$/.test(run)) return 'id';
  if (/^[OU]+$|^EO$|^EU$|^AU$/.test(run)) return 'u';
  // Any other run (OE, IA…) meets only a run sharing one of its letters.
  return run;
}

export interface VowelFrame {
  consonants: string;
  vowels: string[];
}

/**
 * Consonants in order with what each run of vowels between them may stand for ('NASIR', 'NASSER', 'NASER' →
 * N·S·R with a / i-or-e): how Latin spellings of one Arabic-origin name differ — vowels written several ways,
 * consonants doubled or not, Q as K. Undefined below three consonants, where the frame no longer tells names
 * apart (MINA/MONA).
 */
export function vowelFrame(word: string): VowelFrame | undefined {
  const letters = word
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .replace(/Q/g, 'K')
    .replace(/(.)\1+/g, '$1');
  let consonants = '';
  const vowels: string[] = [];
  let run = '';
  for (const [at, letter] of [...letters].entries()) {
    // A Y before a vowel at the start of a word is a consonant (YUSUF, YOUSSEF), elsewhere a vowel (SULAYMAN).
    const vowel =
      /[AEIOU]/.test(letter) || (letter === 'Y' && !(at === 0 && /[AEIOU]/.test(letters[1] ?? '')));
    if (vowel) {
      run += letter;
      continue;
    }
    vowels.push(run === '' ? '' : vowelClasses(run));
    run = '';
    consonants += letter;
  }
  vowels.push(run === '' ? '' : vowelClasses(run));
  return consonants.length >= 3 ? { consonants, vowels } : undefined;
}

/** Whether two frames may be one name: the same consonants, and in each place vowels that may stand for one. */
export function sameVowelFrame(a: VowelFrame, b: VowelFrame): boolean {
  if (a.consonants !== b.consonants || a.vowels.length !== b.vowels.length) return false;
  return a.vowels.every((x, i) => {
    const y = b.vowels[i] as string;
    if (x === '' || y === '') return x === y;
    return [...x].some((c) => y.includes(c));
  });
}
