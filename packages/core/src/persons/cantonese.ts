// Cantonese readings of Chinese names as Hong Kong and Macau records spell them (陳大文 → CHAN TAI MAN,
// 張學友 → CHEUNG HOK YAU). to-jyutping reads the characters in Jyutping; the rules below turn each
// Jyutping syllable into the government's romanisation, which predates Jyutping and writes the sounds the
// English way (z/c → CH or TS, j → Y, oeng → EUNG, eoi → UI). A few common irregular forms come as variants.
import ToJyutping from 'to-jyutping';

const INITIALS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['gw', ['KW']],
  ['kw', ['KW']],
  ['ng', ['NG']],
  ['b', ['P']],
  ['p', ['P']],
  ['m', ['M']],
  ['f', ['F']],
  ['d', ['T']],
  ['t', ['T']],
  ['n', ['N']],
  ['l', ['L']],
  ['g', ['K']],
  ['k', ['K']],
  ['h', ['H']],
  ['w', ['W']],
  ['z', ['CH', 'TS']],
  ['c', ['CH', 'TS']],
  ['s', ['S', 'SH']],
  ['j', ['Y']],
];

const FINALS: Readonly<Record<string, readonly string[]>> = {
  aa: ['A', 'AH'],
  aai: ['AI'],
  aau: ['AU'],
  aam: ['AM'],
  aan: ['AN'],
  aang: ['ANG'],
  aap: ['AP'],
  aat: ['AT'],
  aak: ['AK'],
  ai: ['AI'],
  au: ['AU', 'OW'],
  am: ['AM'],
  an: ['AN'],
  ang: ['ANG'],
  ap: ['AP'],
  at: ['AT'],
  ak: ['AK'],
  e: ['E'],
  ei: ['EI', 'EE', 'I'],
  eng: ['ENG'],
  ek: ['EK'],
  i: ['I', 'EE', 'YI'],
  iu: ['IU'],
  im: ['IM'],
  in: ['IN'],
  ing: ['ING'],
  ip: ['IP'],
  it: ['IT'],
  ik: ['IK'],
  o: ['O', 'OH'],
  oi: ['OI'],
  ou: ['O', 'OU'],
  on: ['ON'],
  ong: ['ONG'],
  ot: ['OT'],
  ok: ['OK'],
  u: ['U', 'OO'],
  ui: ['UI', 'OOI'],
  un: ['UN', 'OON'],
  ung: ['UNG'],
  ut: ['UT'],
  uk: ['UK'],
  oe: ['OE'],
  oeng: ['EUNG'],
  oek: ['EUK'],
  eoi: ['UI', 'EUI'],
  eon: ['UN', 'EUN'],
  eot: ['UT'],
  yu: ['U', 'YU'],
  yun: ['UEN', 'UN', 'YUEN'],
  yut: ['UET', 'UT'],
  m: ['M'],
  ng: ['NG'],
};

/** Hong Kong spellings of one Jyutping syllable ('zoeng1' → CHEUNG, TSEUNG), the commonest first. */
export function cantoneseSpellings(jyutping: string): string[] {
  const syllable = jyutping.replace(/[0-9]/g, '');
  if (syllable === 'm' || syllable === 'ng') return ['NG'];
  const initial = INITIALS.find(([prefix]) => syllable.startsWith(prefix));
  const starts = initial ? initial[1] : [''];
  const rest = initial ? syllable.slice(initial[0].length) : syllable;
  const finals = FINALS[rest] ?? [rest.toUpperCase()];
  const out: string[] = [];
  for (const start of starts) {
    for (const final of finals) {
      // j + yu is one sound: 友 jau → YAU, 余 jyu → YU.
      out.push(start === 'Y' && final.startsWith('Y') ? final : start + final);
    }
  }
  return [...new Set(out)];
}

/** Cantonese spellings of each character, in order; undefined for a character it cannot read. */
export function cantoneseReadings(chars: readonly string[]): (string[] | undefined)[] {
  const list = ToJyutping.getJyutpingList(chars.join(''));
  return list.map(([, jyutping]) => (jyutping ? cantoneseSpellings(jyutping) : undefined));
}
