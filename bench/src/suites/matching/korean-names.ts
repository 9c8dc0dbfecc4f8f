// Korean names as the two agencies write them. Written independently of the matcher's tables, from:
// - surname shares: Statistics Korea, 2015 Population and Housing Census, surname counts (rounded);
// - passport spellings of surnames: the National Institute of the Korean Language's 2009 survey of
//   passport surname spellings, as listed in Wikipedia "List of Korean surnames" (e.g. 이: LEE 98%, YI, RHEE);
// - given-name syllables and popular given names: the Supreme Court's birth-registration name statistics
//   (top names by year), and their spellings on passports as seen in public athlete and officials' lists.
import type { Random } from './random.ts';

export const KOREAN_SURNAMES: readonly (readonly [string, number, readonly string[]])[] = [
  ['김', 21.5, ['KIM', 'KIM', 'KIM', 'GIM']],
  ['이', 14.7, ['LEE', 'LEE', 'LEE', 'YI', 'RHEE', 'I', 'RI']],
  ['박', 8.4, ['PARK', 'PARK', 'PAK', 'BAK', 'BAHK']],
  ['최', 4.7, ['CHOI', 'CHOI', 'CHOE', 'CHOY']],
  ['정', 4.3, ['JUNG', 'JEONG', 'CHUNG', 'JOUNG', 'CHEONG']],
  ['강', 2.4, ['KANG', 'KANG', 'GANG']],
  ['조', 2.1, ['CHO', 'JO', 'CHOH']],
  ['윤', 2.1, ['YOON', 'YUN', 'YOUN']],
  ['장', 2.0, ['JANG', 'CHANG', 'JHANG']],
  ['임', 1.7, ['LIM', 'IM', 'YIM', 'RIM']],
  ['한', 1.5, ['HAN']],
  ['오', 1.5, ['OH', 'O']],
  ['서', 1.5, ['SEO', 'SUH', 'SEOH']],
  ['신', 1.4, ['SHIN', 'SIN']],
  ['권', 1.4, ['KWON', 'GWON', 'KWUN']],
  ['황', 1.4, ['HWANG']],
  ['안', 1.3, ['AHN', 'AN']],
  ['송', 1.3, ['SONG']],
  ['유', 1.9, ['YOO', 'YU', 'RYU', 'YOU', 'LYU']],
  ['전', 1.1, ['JEON', 'JUN', 'CHUN', 'CHEON']],
  ['홍', 1.1, ['HONG']],
  ['고', 0.9, ['KO', 'GO', 'KOH']],
  ['문', 0.9, ['MOON', 'MUN']],
  ['양', 0.9, ['YANG', 'RYANG']],
  ['손', 0.9, ['SON', 'SOHN']],
  ['배', 0.8, ['BAE', 'PAE', 'BAI']],
  ['백', 0.8, ['BAEK', 'PAIK', 'BAIK']],
  ['허', 0.7, ['HEO', 'HUH', 'HUR']],
  ['남', 0.6, ['NAM']],
  ['노', 0.6, ['NOH', 'NO', 'ROH']],
  ['하', 0.5, ['HA']],
  ['곽', 0.4, ['KWAK', 'GWAK']],
  ['성', 0.4, ['SUNG', 'SEONG']],
  ['차', 0.4, ['CHA']],
  ['주', 0.4, ['JOO', 'JU', 'CHOO']],
  ['우', 0.4, ['WOO', 'U']],
  ['구', 0.4, ['KOO', 'GU', 'KU']],
  ['민', 0.3, ['MIN']],
  ['진', 0.4, ['JIN', 'CHIN']],
  ['지', 0.3, ['JI', 'CHI']],
  ['엄', 0.3, ['UM', 'EOM', 'EUM']],
  ['채', 0.3, ['CHAE', 'CHAI']],
  ['원', 0.3, ['WON', 'WEON']],
  ['천', 0.2, ['CHUN', 'CHEON']],
  ['방', 0.2, ['BANG', 'PANG']],
  ['현', 0.2, ['HYUN', 'HYEON']],
  ['변', 0.2, ['BYUN', 'BYEON', 'PYUN']],
  ['석', 0.1, ['SEOK', 'SUK']],
  ['남궁', 0.04, ['NAMGOONG', 'NAMGUNG', 'NAMKOONG']],
  ['황보', 0.02, ['HWANGBO']],
  ['선우', 0.01, ['SUNWOO', 'SEONU']],
];

// Syllable → spellings seen in names, the Revised Romanization first, then the popular older forms.
export const KOREAN_SYLLABLES: Readonly<Record<string, readonly string[]>> = {
  민: ['MIN'],
  준: ['JUN', 'JOON', 'CHUN'],
  서: ['SEO', 'SUH', 'SU'],
  연: ['YEON', 'YOUN', 'YUN'],
  지: ['JI', 'JEE', 'CHI'],
  훈: ['HUN', 'HOON'],
  우: ['U', 'WOO', 'WU'],
  현: ['HYEON', 'HYUN'],
  영: ['YEONG', 'YOUNG', 'YUNG'],
  수: ['SU', 'SOO'],
  은: ['EUN', 'UN'],
  희: ['HUI', 'HEE', 'HI'],
  진: ['JIN', 'CHIN'],
  호: ['HO'],
  성: ['SEONG', 'SUNG'],
  경: ['GYEONG', 'KYUNG', 'KYOUNG'],
  재: ['JAE', 'JE'],
  동: ['DONG', 'TONG'],
  석: ['SEOK', 'SUK'],
  철: ['CHEOL', 'CHUL'],
  태: ['TAE'],
  상: ['SANG'],
  용: ['YONG'],
  정: ['JEONG', 'JUNG', 'CHUNG'],
  하: ['HA'],
  윤: ['YUN', 'YOON'],
  예: ['YE', 'YEA'],
  나: ['NA'],
  아: ['A', 'AH'],
  미: ['MI', 'MEE'],
  혁: ['HYEOK', 'HYUK'],
  빈: ['BIN', 'BEEN'],
  원: ['WON', 'WEON'],
  범: ['BEOM', 'BUM'],
  규: ['GYU', 'KYU'],
  기: ['GI', 'KI'],
  주: ['JU', 'JOO'],
  선: ['SEON', 'SUN'],
  혜: ['HYE'],
  명: ['MYEONG', 'MYUNG'],
  형: ['HYEONG', 'HYUNG'],
  식: ['SIK', 'SHIK'],
  환: ['HWAN'],
  일: ['IL'],
  남: ['NAM'],
  복: ['BOK', 'POK'],
  순: ['SUN', 'SOON'],
  숙: ['SUK', 'SOOK'],
  옥: ['OK'],
  자: ['JA', 'CHA'],
  채: ['CHAE'],
  다: ['DA'],
  유: ['YU', 'YOO'],
  시: ['SI', 'SHI'],
  도: ['DO'],
  건: ['GEON', 'GUN', 'KUN'],
  승: ['SEUNG', 'SUNG'],
  한: ['HAN'],
  솔: ['SOL'],
  람: ['RAM'],
  보: ['BO', 'PO'],
  인: ['IN'],
  종: ['JONG', 'CHONG'],
};

// Popular given names (birth registrations 1970–2010), so that namesakes come up as often as in life.
export const KOREAN_POPULAR_GIVEN: readonly string[] = [
  '민준',
  '서준',
  '지훈',
  '현우',
  '준호',
  '성민',
  '영수',
  '영호',
  '정훈',
  '동현',
  '지원',
  '서연',
  '지영',
  '은지',
  '민지',
  '수진',
  '지현',
  '혜진',
  '영희',
  '미숙',
  '경희',
  '정숙',
  '상철',
  '재형',
  '재명',
  '성호',
  '민수',
  '지민',
  '예은',
  '하은',
];

const SYLLABLES = Object.keys(KOREAN_SYLLABLES);

export interface KoreanName {
  surname: string;
  given: string;
  /** The person's own passport spelling, fixed for the person: [surname, given syllables]. */
  passportSurname: string;
  passportSyllables: string[];
}

export function koreanName(random: Random): KoreanName {
  const [surname, , spellings] = random.weighted(KOREAN_SURNAMES.map((s) => [s, s[1]] as const));
  const given = random.chance(0.55)
    ? random.pick(KOREAN_POPULAR_GIVEN)
    : random.chance(0.08)
      ? random.pick(SYLLABLES)
      : random.pick(SYLLABLES) + random.pick(SYLLABLES);
  // People choose their passport spelling once: mostly the Revised Romanization, often a popular older form.
  const passportSyllables = [...given].map((s) => {
    const forms = KOREAN_SYLLABLES[s] ?? ['?'];
    return random.chance(0.55) ? forms[0]! : random.pick(forms);
  });
  return { surname, given, passportSurname: random.pick(spellings), passportSyllables };
}

/** Another officer's spelling from the sound: the Revised Romanization, syllable by syllable. */
function officerSpelling(name: KoreanName, random: Random): [string, string[]] {
  const surname = random.pick(KOREAN_SURNAMES.find((s) => s[0] === name.surname)![2]);
  const syllables = [...name.given].map((s) => random.pick(KOREAN_SYLLABLES[s] ?? ['?']));
  return [surname, syllables];
}

/** How a Latin record joins given-name syllables: glued, hyphenated, spaced; surname first or last. */
export function latinKorean(name: KoreanName, random: Random, fromPassport: boolean): string {
  const [surname, syllables] = fromPassport
    ? [name.passportSurname, name.passportSyllables]
    : officerSpelling(name, random);
  const join = random.weighted([
    ['', 6],
    ['-', 3],
    [' ', 2],
  ] as const);
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  const given =
    join === '-'
      ? syllables.map((s, i) => (i === 0 ? cap(s) : s.toLowerCase())).join('-')
      : syllables.join(join);
  const upper = random.chance(0.5);
  const sur = upper ? surname : cap(surname);
  const giv = upper ? given.toUpperCase() : join === '-' ? given : given.split(' ').map(cap).join(' ');
  return random.weighted([
    [`${sur} ${giv}`, 5],
    [`${giv} ${sur}`, 3],
    [`${surname}, ${giv}`, 1],
  ] as const);
}

// Hangul typing slips that a second clerk makes: ㅐ/ㅔ (they sound alike), a space after the surname.
export function hangulSlip(hangul: string, random: Random): string {
  const roll = random.next();
  if (roll < 0.4) return `${hangul.slice(0, 1)} ${hangul.slice(1)}`;
  const chars = [...hangul];
  const index = 1 + random.int(Math.max(1, chars.length - 1));
  const code = chars[index]?.charCodeAt(0);
  if (code === undefined || code < 0xac00 || code > 0xd7a3) return hangul;
  const vowel = Math.floor(((code - 0xac00) % 588) / 28);
  // ㅐ (1) ↔ ㅔ (5), ㅒ (3) ↔ ㅖ (7)
  const swap: Record<number, number> = { 1: 5, 5: 1, 3: 7, 7: 3 };
  const other = swap[vowel];
  if (other === undefined) return hangul;
  chars[index] = String.fromCharCode(code + (other - vowel) * 28);
  return chars.join('');
}
