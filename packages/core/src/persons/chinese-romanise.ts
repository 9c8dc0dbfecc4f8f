// Chinese names → the Latin spellings their records carry, surname first: Hanyu Pinyin as mainland passports
// write it (张伟 → ZHANG WEI; pinyin-pro reads surnames with their surname pronunciation, 单 SHAN, 曾 ZENG),
// Wade–Giles as Taiwan writes it (張學良 → CHANG HSUEH-LIANG), Cantonese as Hong Kong and Macau write it
// (陳大文 → CHAN TAI MAN), and for the commonest surnames the Hokkien and Teochew forms of Malaysia,
// Singapore and the Chinese-Cambodian community (TAN, LIM, ONG).
//
// Limits: Hakka and Hainanese spellings, Gwoyeu Romatzyh (MA YING-JEOU) and English names taken on top
// (Jacky CHEUNG) are not produced; Hanja names of Koreans are read as Chinese, not Korean.
import { pinyin } from 'pinyin-pro';
import { cantoneseReadings } from './cantonese.ts';
import { wadeGiles } from './wade-giles.ts';

// Two-character surnames, so that 欧阳修 reads OUYANG XIU and not OU YANGXIU.
const DOUBLE_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '轩辕',
  '端木',
  '南宫',
  '西门',
]);

const HAN = /\p{Script=Han}/u;

export interface ChineseNameReading {
  surname: string;
  given: string;
  /** Upper-case ASCII, pinyin first (ü as V, U and YU: 吕 LV, LU, LYU), then Wade–Giles, Cantonese, Hokkien. */
  surnameSpellings: string[];
  givenSpellings: string[];
}

// Dialect surnames of Southeast Asia's Chinese (Wikipedia "List of common Chinese surnames", its Hokkien
// and Teochew columns), by simplified and traditional character.
const SOUTHERN_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  陈: ['TAN'],
  陳: ['TAN'],
  林: ['LIM'],
  黄: ['NG', 'WEE', 'OOI'],
  黃: ['NG', 'WEE', 'OOI'],
  王: ['ONG'],
  吴: ['GOH', 'NG'],
  吳: ['GOH', 'NG'],
  张: ['TEO', 'TEOH', 'CHONG'],
  張: ['TEO', 'TEOH', 'CHONG'],
  郭: ['KOH', 'QUEK'],
  许: ['KHOO', 'KOH'],
  許: ['KHOO', 'KOH'],
  杨: ['YEO', 'YEOH', 'YONG'],
  楊: ['YEO', 'YEOH', 'YONG'],
  郑: ['TAY', 'TEH'],
  鄭: ['TAY', 'TEH'],
  蔡: ['CHUA', 'CHUAH'],
  谢: ['CHIA', 'SEAH'],
  謝: ['CHIA', 'SEAH'],
  周: ['CHEW', 'CHOW'],
  洪: ['ANG'],
  苏: ['SOH'],
  蘇: ['SOH'],
  邱: ['KHOO', 'KHOR'],
  胡: ['OOI', 'WOO'],
  叶: ['YAP', 'YIP'],
  葉: ['YAP', 'YIP'],
  梁: ['LEONG', 'NEO'],
  罗: ['LOH', 'LAW'],
  羅: ['LOH', 'LAW'],
  曾: ['TSANG', 'CHAN'],
  刘: ['LAU', 'LOW'],
  劉: ['LAU', 'LOW'],
  李: ['LEE'],
  朱: ['CHOO', 'CHU'],
};

const MAX_GIVEN_SPELLINGS = 24;

export function containsHan(text: string): boolean {
  return HAN.test(text);
}

function pinyinSpellings(syllables: readonly string[]): string[] {
  const joined = syllables.join('').toUpperCase();
  if (!joined.includes('Ü')) return [joined];
  return [joined.replace(/Ü/g, 'V'), joined.replace(/Ü/g, 'U'), joined.replace(/Ü/g, 'YU')];
}

// Every combination of each syllable's spellings, joined, the first spelling of each first.
function combine(perSyllable: readonly (readonly string[])[]): string[] {
  let out = [''];
  for (const options of perSyllable) {
    out = out.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_GIVEN_SPELLINGS);
  }
  return out;
}

function spellingsOf(
  syllables: readonly string[],
  chars: readonly string[],
  cantonese: readonly (string[] | undefined)[],
) {
  if (chars.length === 0) return [];
  return [
    ...new Set([
      ...pinyinSpellings(syllables),
      combine(syllables.map((s) => [wadeGiles(s.replace(/ü/g, 'v'))]))[0]!,
      ...combine(chars.map((char, i) => cantonese[i] ?? [syllables[i]?.toUpperCase() ?? char])),
    ]),
  ];
}

/** The reading of a Chinese name; undefined when the text holds no Han character. */
export function romaniseChineseName(name: string): ChineseNameReading | undefined {
  const chars = [...name.normalize('NFC')].filter((char) => HAN.test(char));
  if (chars.length === 0) return undefined;
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', surname: 'head', v: false });
  const cantonese = cantoneseReadings(chars);
  const surnameLength = chars.length >= 3 && DOUBLE_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const surnameChars = chars.slice(0, surnameLength);
  const givenChars = chars.slice(surnameLength);
  const southern = surnameLength === 1 ? (SOUTHERN_SURNAMES[surnameChars[0]!] ?? []) : [];
  return {
    surname: surnameChars.join(''),
    given: givenChars.join(''),
    surnameSpellings: [
      ...new Set([
        ...spellingsOf(syllables.slice(0, surnameLength), surnameChars, cantonese.slice(0, surnameLength)),
        ...southern,
      ]),
    ],
    givenSpellings: spellingsOf(syllables.slice(surnameLength), givenChars, cantonese.slice(surnameLength)),
  };
}
