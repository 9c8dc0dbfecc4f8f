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
