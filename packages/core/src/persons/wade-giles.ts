// Hanyu Pinyin syllables → Wade–Giles as Taiwan passports and older records write it, without tone marks,
// apostrophes or umlauts (xi → HSI, zhang → CHANG, jin → CHIN, ying → YING, xue → HSUEH). The conversion is
// the regular correspondence of the two systems (Wikipedia "Wade–Giles", conversion table); there is no
// maintained library for it on npm.

const WHOLE: Readonly<Record<string, string>> = {
  zi: 'TZU',
  ci: 'TZU',
  si: 'SSU',
  zhi: 'CHIH',
  chi: 'CHIH',
  shi: 'SHIH',
  ri: 'JIH',
  er: 'ERH',
  yi: 'I',
  you: 'YU',
  yan: 'YEN',
  ye: 'YEH',
  yong: 'YUNG',
  yue: 'YUEH',
  yuan: 'YUAN',
  yun: 'YUN',
  he: 'HO',
  ke: 'KO',
  ge: 'KO',
  e: 'O',
};

const INITIALS: ReadonlyArray<readonly [string, string]> = [
  ['zh', 'CH'],
  ['ch', 'CH'],
  ['sh', 'SH'],
  ['b', 'P'],
  ['p', 'P'],
  ['d', 'T'],
  ['t', 'T'],
  ['g', 'K'],
  ['k', 'K'],
  ['z', 'TS'],
  ['c', 'TS'],
  ['j', 'CH'],
  ['q', 'CH'],
  ['x', 'HS'],
  ['r', 'J'],
];

function final(rest: string, palatal: boolean): string {
  let out = rest;
  // After j, q, x the written u is ü: jue → CHUEH, xun → HSUN, quan → CHUAN.
  if (palatal && out.startsWith('u')) out = `ü${out.slice(1)}`;
  out = out
    .replace(/^ian$/, 'ien')
    .replace(/^ie$/, 'ieh')
    .replace(/^üe$/, 'üeh')
    .replace(/^iong$/, 'iung')
    .replace(/ong$/, 'ung');
  return out.replace(/ü/g, 'u').toUpperCase();
}

/** Wade–Giles of one toneless pinyin syllable ('xi' → 'HSI'); the input upper-cased when it is not pinyin. */
export function wadeGiles(pinyinSyllable: string): string {
  const syllable = pinyinSyllable.toLowerCase().replace(/v/g, 'ü');
  const whole = WHOLE[syllable];
  if (whole) return whole;
  const initial = INITIALS.find(([prefix]) => syllable.startsWith(prefix));
  if (!initial) return final(syllable, false);
  const palatal = initial[0] === 'j' || initial[0] === 'q' || initial[0] === 'x';
  return initial[1] + final(syllable.slice(initial[0].length), palatal);
}
