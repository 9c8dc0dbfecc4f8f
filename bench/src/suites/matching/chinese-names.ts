// Chinese names as records of several places write them: mainland passports in Hanyu Pinyin (ZHANG WEIMING),
// Taiwan in Wade–Giles without tone marks or apostrophes (CHANG WEI-MING), Hong Kong and Macau in the
// government's Cantonese spelling (CHEUNG WAI MING), Malaysia and Singapore with the surname in the family's
// dialect, mostly Hokkien (TAN, LIM, ONG). Spellings from Wikipedia "List of common Chinese surnames"
// (its romanisation table: pinyin, Wade–Giles, Cantonese, Hokkien) and the characters' entries on Wiktionary
// (Mandarin, Cantonese readings); the Cantonese forms are the Hong Kong government's, not Jyutping.
import type { Random } from './random.ts';

type Region = 'mainland' | 'taiwan' | 'hongkong' | 'malaysia';

// simplified, traditional, pinyin, Wade–Giles, Hong Kong Cantonese, Hokkien; share weight.
const SURNAMES: readonly (readonly [string, string, string, string, string, string, number])[] = [
  ['陈', '陳', 'CHEN', 'CHEN', 'CHAN', 'TAN', 8],
  ['林', '林', 'LIN', 'LIN', 'LAM', 'LIM', 5],
  ['黄', '黃', 'HUANG', 'HUANG', 'WONG', 'NG', 6],
  ['张', '張', 'ZHANG', 'CHANG', 'CHEUNG', 'TEO', 7],
  ['李', '李', 'LI', 'LI', 'LEE', 'LEE', 8],
  ['王', '王', 'WANG', 'WANG', 'WONG', 'ONG', 8],
  ['吴', '吳', 'WU', 'WU', 'NG', 'GOH', 4],
  ['刘', '劉', 'LIU', 'LIU', 'LAU', 'LAU', 5],
  ['杨', '楊', 'YANG', 'YANG', 'YEUNG', 'YEO', 4],
  ['周', '周', 'ZHOU', 'CHOU', 'CHOW', 'CHEW', 3],
  ['郭', '郭', 'GUO', 'KUO', 'KWOK', 'KOH', 2],
  ['何', '何', 'HE', 'HO', 'HO', 'HO', 2],
  ['梁', '梁', 'LIANG', 'LIANG', 'LEUNG', 'LEONG', 2],
  ['谢', '謝', 'XIE', 'HSIEH', 'TSE', 'CHIA', 2],
  ['许', '許', 'XU', 'HSU', 'HUI', 'KHOO', 2],
  ['郑', '鄭', 'ZHENG', 'CHENG', 'CHENG', 'TEH', 2],
  ['蔡', '蔡', 'CAI', 'TSAI', 'CHOI', 'CHUA', 1],
  ['曾', '曾', 'ZENG', 'TSENG', 'TSANG', 'CHAN', 1],
  ['罗', '羅', 'LUO', 'LO', 'LAW', 'LOH', 1],
  ['朱', '朱', 'ZHU', 'CHU', 'CHU', 'CHOO', 1],
  ['邓', '鄧', 'DENG', 'TENG', 'TANG', 'TENG', 1],
  ['孙', '孫', 'SUN', 'SUN', 'SUEN', 'SOON', 1],
  ['胡', '胡', 'HU', 'HU', 'WU', 'OOI', 1],
  ['欧阳', '歐陽', 'OUYANG', 'OUYANG', 'AU YEUNG', 'AU YONG', 0.2],
];

// simplified, traditional, pinyin, Wade–Giles, Hong Kong Cantonese.
const GIVEN: readonly (readonly [string, string, string, string, string])[] = [
  ['伟', '偉', 'WEI', 'WEI', 'WAI'],
  ['明', '明', 'MING', 'MING', 'MING'],
  ['华', '華', 'HUA', 'HUA', 'WAH'],
  ['文', '文', 'WEN', 'WEN', 'MAN'],
  ['国', '國', 'GUO', 'KUO', 'KWOK'],
  ['建', '建', 'JIAN', 'CHIEN', 'KIN'],
  ['志', '志', 'ZHI', 'CHIH', 'CHI'],
  ['强', '強', 'QIANG', 'CHIANG', 'KEUNG'],
  ['军', '軍', 'JUN', 'CHUN', 'KWAN'],
  ['平', '平', 'PING', 'PING', 'PING'],
  ['丽', '麗', 'LI', 'LI', 'LAI'],
  ['芳', '芳', 'FANG', 'FANG', 'FONG'],
  ['玉', '玉', 'YU', 'YU', 'YUK'],
  ['秀', '秀', 'XIU', 'HSIU', 'SAU'],
  ['英', '英', 'YING', 'YING', 'YING'],
  ['美', '美', 'MEI', 'MEI', 'MEI'],
  ['家', '家', 'JIA', 'CHIA', 'KA'],
  ['俊', '俊', 'JUN', 'CHUN', 'CHUN'],
  ['杰', '傑', 'JIE', 'CHIEH', 'KIT'],
  ['豪', '豪', 'HAO', 'HAO', 'HO'],
  ['德', '德', 'DE', 'TE', 'TAK'],
  ['海', '海', 'HAI', 'HAI', 'HOI'],
  ['天', '天', 'TIAN', 'TIEN', 'TIN'],
  ['晓', '曉', 'XIAO', 'HSIAO', 'HIU'],
  ['东', '東', 'DONG', 'TUNG', 'TUNG'],
  ['辉', '輝', 'HUI', 'HUI', 'FAI'],
  ['荣', '榮', 'RONG', 'JUNG', 'WING'],
  ['红', '紅', 'HONG', 'HUNG', 'HUNG'],
  ['成', '成', 'CHENG', 'CHENG', 'SHING'],
  ['婷', '婷', 'TING', 'TING', 'TING'],
  ['欣', '欣', 'XIN', 'HSIN', 'YAN'],
  ['学', '學', 'XUE', 'HSUEH', 'HOK'],
  ['友', '友', 'YOU', 'YU', 'YAU'],
  ['发', '發', 'FA', 'FA', 'FAT'],
  ['立', '立', 'LI', 'LI', 'LAP'],
  ['新', '新', 'XIN', 'HSIN', 'SUN'],
];

export interface ChineseName {
  region: Region;
  han: string;
  surnameLatin: string;
  givenLatin: string[];
}

export function chineseName(random: Random): ChineseName {
  const region = random.weighted([
    ['mainland', 4],
    ['taiwan', 2],
    ['hongkong', 3],
    ['malaysia', 2],
  ] as const);
  const surname = random.weighted(SURNAMES.map((s) => [s, s[6]] as const));
  const count = random.chance(0.2) ? 1 : 2;
  const given = Array.from({ length: count }, () => random.pick(GIVEN));
  const traditional = region !== 'mainland';
  const han =
    (traditional ? surname[1] : surname[0]) + given.map((g) => (traditional ? g[1] : g[0])).join('');
  const surnameLatin =
    region === 'mainland'
      ? surname[2]
      : region === 'taiwan'
        ? surname[3]
        : region === 'hongkong'
          ? surname[4]
          : surname[5];
  const givenLatin = given.map((g) => (region === 'mainland' ? g[2] : region === 'taiwan' ? g[3] : g[4]));
  return { region, han, surnameLatin, givenLatin };
}

/** A Latin record: mainland glued (WEIMING), Taiwan hyphenated (WEI-MING), Hong Kong spaced (WAI MING). */
export function latinChinese(name: ChineseName, random: Random): string {
  const join =
    name.region === 'mainland'
      ? random.weighted([
          ['', 6],
          [' ', 1],
        ] as const)
      : name.region === 'taiwan'
        ? random.weighted([
            ['-', 5],
            ['', 1],
            [' ', 1],
          ] as const)
        : random.weighted([
            [' ', 4],
            ['-', 2],
            ['', 1],
          ] as const);
  const given = name.givenLatin.join(join);
  const cap = (text: string) =>
    text.replace(/\b([A-Z])([A-Z]*)/g, (_, a: string, b: string) => a + b.toLowerCase());
  return random.weighted([
    [`${name.surnameLatin} ${given}`, 5],
    [`${cap(given)} ${name.surnameLatin}`, 2],
    [`${cap(name.surnameLatin)} ${cap(given)}`, 2],
    [`${name.surnameLatin}, ${cap(given)}`, 1],
  ] as const);
}
