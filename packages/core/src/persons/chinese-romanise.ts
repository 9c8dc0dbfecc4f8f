// Chinese names → Hanyu Pinyin without tones, surname first, as mainland passports write them
// (张伟 → ZHANG WEI). pinyin-pro reads surnames with their surname pronunciation (单 SHAN, 曾 ZENG).
//
// Limits: Wade–Giles, Cantonese and Hokkien spellings (Taiwan, Hong Kong, the Chinese-Cambodian
// community: TAN, LIM, ONG) are not produced; Hanja names of Koreans are read as Chinese, not Korean.
import { pinyin } from 'pinyin-pro';

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
  /** Pinyin, upper-case ASCII: ü is written both V and U and YU (吕 LV, LU, LYU). */
  surnameSpellings: string[];
  givenSpellings: string[];
}

export function containsHan(text: string): boolean {
  return HAN.test(text);
}

function spellings(syllables: readonly string[]): string[] {
  const joined = syllables.join('').toUpperCase();
  if (!joined.includes('Ü')) return [joined];
  return [joined.replace(/Ü/g, 'V'), joined.replace(/Ü/g, 'U'), joined.replace(/Ü/g, 'YU')];
}

/** The reading of a Chinese name; undefined when the text holds no Han character. */
export function romaniseChineseName(name: string): ChineseNameReading | undefined {
  const chars = [...name.normalize('NFC')].filter((char) => HAN.test(char));
  if (chars.length === 0) return undefined;
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', surname: 'head', v: false });
  const surnameLength = chars.length >= 3 && DOUBLE_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const given = chars.slice(surnameLength);
  return {
    surname: chars.slice(0, surnameLength).join(''),
    given: given.join(''),
    surnameSpellings: spellings(syllables.slice(0, surnameLength)),
    givenSpellings: given.length > 0 ? spellings(syllables.slice(surnameLength)) : [],
  };
}
