// Western, Russian, Thai, Vietnamese and Arabic names with the Latin spellings their records carry.
// Sources: U.S. Census Bureau 2010 surname list and SSA given-name lists (Western); passport transliteration
// of Russian under ICAO Doc 9303 (2013 on: SERGEI, IULIIA) and the older GOST/BGN forms (SERGEY, YULIYA), as
// in Wikipedia "Romanization of Russian"; the Royal Thai General System (Wikipedia "Royal Thai General System
// of Transcription") and the forms Thais choose on passports (SOMCHAI, SHINAWATRA); Vietnamese with and
// without diacritics (Wikipedia "Vietnamese name": surname, middle, given; NGUYEN about 38%); Arabic names
// and their common English spellings (Wikipedia "Muhammad (name)", "Arabic name").
import type { Random } from './random.ts';

export const WESTERN_GIVEN: readonly string[] = [
  'James',
  'John',
  'Robert',
  'Michael',
  'William',
  'David',
  'Richard',
  'Joseph',
  'Thomas',
  'Charles',
  'Mary',
  'Patricia',
  'Jennifer',
  'Linda',
  'Elizabeth',
  'Barbara',
  'Susan',
  'Jessica',
  'Sarah',
  'Karen',
  'Daniel',
  'Matthew',
  'Anthony',
  'Mark',
  'Paul',
  'Steven',
  'Andrew',
  'Joshua',
  'Kevin',
  'Brian',
  'Laura',
  'Emma',
  'Anna',
  'Maria',
  'Jean-Pierre',
  'Jean-Luc',
  'Marie-Claire',
  'Anne-Sophie',
  'Hans',
  'Jürgen',
  'José',
  'François',
  'Søren',
  'Zoë',
  'Lukas',
  'Sophie',
  'Pierre',
  'Luca',
  'Giulia',
  'Jan',
  'Eva',
  'Ian',
  'Amy',
  'Tom',
  'Ben',
  'Max',
  'Leo',
  'Mia',
  'Ali',
  'Noah',
];

export const WESTERN_MIDDLE: readonly string[] = [
  'Michael',
  'James',
  'Marie',
  'Anne',
  'Lee',
  'Louise',
  'Paul',
  'Edward',
];

export const WESTERN_SURNAMES: readonly (readonly [string, number])[] = [
  ['Smith', 10],
  ['Johnson', 8],
  ['Williams', 7],
  ['Brown', 7],
  ['Jones', 6],
  ['Garcia', 5],
  ['Miller', 5],
  ['Davis', 5],
  ['Rodriguez', 4],
  ['Martinez', 4],
  ['Müller', 4],
  ['Schmidt', 3],
  ['Schneider', 2],
  ['Fischer', 2],
  ['Dubois', 2],
  ['Martin', 4],
  ['Bernard', 2],
  ['Rossi', 2],
  ['Russo', 2],
  ["O'Brien", 2],
  ['McDonald', 2],
  ['van der Berg', 1],
  ['de la Cruz', 1],
  ['García López', 1],
  ['Smith-Jones', 1],
  ['Nowak', 2],
  ['Kowalski', 2],
  ['Jensen', 2],
  ['Nielsen', 2],
  ['Andersson', 2],
  ['Wilson', 4],
  ['Taylor', 4],
  ['Thomas', 3],
  ['Moore', 3],
  ['Jackson', 3],
  ['White', 3],
  ['Harris', 3],
  ['Clark', 3],
  ['Lewis', 3],
  ['Walker', 3],
  ['Young', 3],
  ['Allen', 3],
  ['King', 3],
  ['Wright', 3],
  ['Scott', 3],
  ['Hill', 3],
  ['Novak', 1],
  ['Papadopoulos', 1],
  ['Kovač', 1],
  ['Weiß', 1],
  ['Øster', 1],
  ['Lee', 2],
];

/** Russian: Cyrillic, Latin forms; female surname adds -А/-A. */
export const RUSSIAN_GIVEN: readonly (readonly [string, 'M' | 'F', readonly string[]])[] = [
  ['Александр', 'M', ['ALEKSANDR', 'ALEXANDER', 'ALEKSANDER']],
  ['Сергей', 'M', ['SERGEI', 'SERGEY']],
  ['Дмитрий', 'M', ['DMITRII', 'DMITRIY', 'DMITRY']],
  ['Андрей', 'M', ['ANDREI', 'ANDREY']],
  ['Алексей', 'M', ['ALEKSEI', 'ALEKSEY', 'ALEXEY']],
  ['Юрий', 'M', ['IURII', 'YURIY', 'YURI']],
  ['Михаил', 'M', ['MIKHAIL']],
  ['Иван', 'M', ['IVAN']],
  ['Николай', 'M', ['NIKOLAI', 'NIKOLAY']],
  ['Владимир', 'M', ['VLADIMIR']],
  ['Евгений', 'M', ['EVGENII', 'EVGENIY', 'YEVGENY']],
  ['Ольга', 'F', ['OLGA']],
  ['Елена', 'F', ['ELENA', 'YELENA']],
  ['Наталья', 'F', ['NATALIA', 'NATALYA']],
  ['Татьяна', 'F', ['TATIANA', 'TATYANA']],
  ['Юлия', 'F', ['IULIIA', 'YULIYA', 'YULIA']],
  ['Мария', 'F', ['MARIIA', 'MARIYA', 'MARIA']],
];

export const RUSSIAN_SURNAMES: readonly (readonly [string, readonly string[]])[] = [
  ['Иванов', ['IVANOV']],
  ['Смирнов', ['SMIRNOV']],
  ['Кузнецов', ['KUZNETSOV']],
  ['Попов', ['POPOV']],
  ['Соколов', ['SOKOLOV']],
  ['Лебедев', ['LEBEDEV']],
  ['Козлов', ['KOZLOV']],
  ['Новиков', ['NOVIKOV']],
  ['Морозов', ['MOROZOV']],
  ['Петров', ['PETROV']],
  ['Волков', ['VOLKOV']],
  ['Фёдоров', ['FEDOROV', 'FYODOROV']],
  ['Михайлов', ['MIKHAILOV', 'MIKHAYLOV']],
  ['Зайцев', ['ZAITSEV', 'ZAYTSEV']],
];

export const RUSSIAN_PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Александров', 'ALEKSANDROV'],
  ['Сергеев', 'SERGEEV'],
  ['Иванов', 'IVANOV'],
  ['Петров', 'PETROV'],
  ['Владимиров', 'VLADIMIROV'],
];

export const THAI_GIVEN: readonly (readonly [string, readonly string[]])[] = [
  ['สมชาย', ['SOMCHAI', 'SOMCHAY']],
  ['สมศักดิ์', ['SOMSAK', 'SOMSAKDI']],
  ['ประยุทธ์', ['PRAYUT', 'PRAYUTH']],
  ['สุรชัย', ['SURACHAI', 'SURACHAY']],
  ['วิชัย', ['WICHAI', 'VICHAI']],
  ['อนุชา', ['ANUCHA']],
  ['ณัฐพล', ['NATTHAPHON', 'NATTAPON', 'NATTHAPOL']],
  ['ธนากร', ['THANAKORN', 'THANAKON']],
  ['กิตติ', ['KITTI', 'KITTY']],
  ['สุดา', ['SUDA']],
  ['มาลี', ['MALI', 'MALEE']],
  ['นภา', ['NAPHA', 'NAPA']],
  ['ศิริพร', ['SIRIPORN', 'SIRIPHON']],
  ['ทักษิณ', ['THAKSIN', 'TAKSIN']],
];

export const THAI_SURNAMES: readonly (readonly [string, readonly string[]])[] = [
  ['ชินวัตร', ['SHINAWATRA', 'CHINNAWAT']],
  ['จันทร์โอชา', ['CHAN-O-CHA', 'CHANOCHA']],
  ['สุขสวัสดิ์', ['SUKSAWAT', 'SUKSAWAD']],
  ['ศรีสุข', ['SRISUK', 'SISUK']],
  ['วงศ์สวัสดิ์', ['WONGSAWAT', 'WONGSAWAD']],
  ['แสงทอง', ['SAENGTHONG', 'SANGTONG']],
  ['บุญมา', ['BOONMA', 'BUNMA']],
  ['ทองดี', ['THONGDEE', 'TONGDEE', 'THONGDI']],
  ['รัตนพันธ์', ['RATTANAPHAN', 'RATANAPAN']],
  ['ใจดี', ['JAIDEE', 'CHAIDI']],
  ['พรหมมา', ['PHROMMA', 'PROMMA']],
  ['มีสุข', ['MEESUK', 'MISUK']],
];

export const VIETNAMESE_SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 5],
  ['Vũ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Ngô', 1.3],
  ['Dương', 1],
];
export const VIETNAMESE_MIDDLE: Readonly<Record<'M' | 'F', readonly string[]>> = {
  M: ['Văn', 'Đức', 'Hữu', 'Minh', 'Quốc'],
  F: ['Thị', 'Ngọc', 'Thanh', 'Minh'],
};
export const VIETNAMESE_GIVEN: Readonly<Record<'M' | 'F', readonly string[]>> = {
  M: ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Long', 'Quang', 'Minh', 'Hải', 'Sơn', 'Thắng', 'Phúc', 'Khoa'],
  F: ['Hương', 'Lan', 'Anh', 'Hà', 'Mai', 'Linh', 'Thảo', 'Trang', 'Ngọc', 'Hằng', 'Nhung', 'Yến'],
};

export const ARABIC_GIVEN: readonly (readonly [string, 'M' | 'F', readonly string[]])[] = [
  ['محمد', 'M', ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MOHAMMAD']],
  ['أحمد', 'M', ['AHMED', 'AHMAD']],
  ['علي', 'M', ['ALI']],
  ['حسن', 'M', ['HASSAN', 'HASAN']],
  ['حسين', 'M', ['HUSSEIN', 'HUSAIN', 'HOSSEIN']],
  ['خالد', 'M', ['KHALED', 'KHALID']],
  ['عمر', 'M', ['OMAR', 'UMAR']],
  ['يوسف', 'M', ['YOUSSEF', 'YUSUF', 'YOUSEF']],
  ['إبراهيم', 'M', ['IBRAHIM', 'EBRAHIM']],
  ['عبدالله', 'M', ['ABDULLAH', 'ABDALLAH']],
  ['فاطمة', 'F', ['FATIMA', 'FATMA']],
  ['مريم', 'F', ['MARYAM', 'MARIAM']],
  ['عائشة', 'F', ['AISHA', 'AICHA', 'AYESHA']],
  ['نور', 'F', ['NOUR', 'NOOR', 'NUR']],
];

export const ARABIC_SURNAMES: readonly (readonly [string, readonly string[]])[] = [
  ['منصور', ['MANSOUR', 'MANSUR']],
  ['سعيد', ['SAEED', 'SAID', 'SAID']],
  ['حداد', ['HADDAD']],
  ['خوري', ['KHOURY', 'KHOURI']],
  ['عباس', ['ABBAS']],
  ['سليمان', ['SULEIMAN', 'SOLIMAN', 'SULAYMAN']],
  ['صالح', ['SALEH', 'SALIH']],
  ['ناصر', ['NASSER', 'NASIR']],
  ['الأحمد', ['AL-AHMAD', 'ALAHMAD', 'AL AHMAD']],
  ['العلي', ['AL-ALI', 'ALALI']],
  ['الحسن', ['AL-HASSAN', 'ALHASAN']],
  ['عثمان', ['OTHMAN', 'OSMAN', 'USMAN']],
];

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sqz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/** One clerk's slip in a word of at least three letters: a neighbouring key, a dropped, doubled or swapped letter. */
export function typo(word: string, random: Random): string {
  const letters = [...word];
  if (letters.length < 3) return word;
  const at = 1 + random.int(letters.length - 1);
  const kind = random.int(4);
  const lower = letters[at]!.toLowerCase();
  const upper = letters[at] !== lower;
  if (kind === 0 && KEYBOARD_NEIGHBOURS[lower]) {
    const swap = random.pick([...KEYBOARD_NEIGHBOURS[lower]!]);
    letters[at] = upper ? swap.toUpperCase() : swap;
  } else if (kind === 1) letters.splice(at, 1);
  else if (kind === 2) letters.splice(at, 0, letters[at]!);
  else if (at < letters.length - 1) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else letters.splice(at, 1);
  return letters.join('');
}
