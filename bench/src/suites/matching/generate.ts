// The generated half of the labelled set: people of five origins, each recorded by one or both agencies the
// way each writes names (see the *-names.ts files for the habits and their sources), with namesakes drawn
// from frequency lists, typing slips, birth-date slips and missing facts. Deterministic for a seed.
import type { PersonFacts } from '@liaison/core/persons/index';
import { chineseName, latinChinese } from './chinese-names.ts';
import { khmerName, khmerScript, latinKhmer } from './khmer-names.ts';
import { hangulSlip, koreanName, latinKorean } from './korean-names.ts';
import {
  ARABIC_GIVEN,
  ARABIC_SURNAMES,
  RUSSIAN_GIVEN,
  RUSSIAN_PATRONYMICS,
  RUSSIAN_SURNAMES,
  THAI_GIVEN,
  THAI_SURNAMES,
  typo,
  VIETNAMESE_GIVEN,
  VIETNAMESE_MIDDLE,
  VIETNAMESE_SURNAMES,
  WESTERN_GIVEN,
  WESTERN_MIDDLE,
  WESTERN_SURNAMES,
} from './other-names.ts';
import { type Random, seeded } from './random.ts';

export type Origin = 'KR' | 'KH' | 'CN' | 'WEST' | 'OTHER';

export interface LabelledRecord {
  id: string;
  /** Records of one identity are the same person. */
  identity: string;
  /** A: the Korean agency's record, B: the Cambodian agency's (or a second Korean record). */
  side: 'A' | 'B';
  origin: Origin;
  split: 'tune' | 'heldout';
  facts: PersonFacts;
}

interface Identity {
  sex: 'M' | 'F';
  birthDate: string;
  nationality: string;
  passport: string | undefined;
  /** Writes this person's name as one side would; called once per record. */
  write: (side: 'A' | 'B', random: Random) => string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function birthDate(random: Random): string {
  return `${1955 + random.int(50)}-${pad(1 + random.int(12))}-${pad(1 + random.int(28))}`;
}

// A clerk's slip in a date: one digit, day and month swapped, two digits transposed.
function dateSlip(date: string, random: Random): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const roll = random.next();
  if (roll < 0.35 && Number(d) <= 12 && d !== m) return `${y}-${d}-${m}`;
  if (roll < 0.75) {
    const digits = [...`${y}${m}${d}`];
    const at = 2 + random.int(6);
    digits[at] = String((Number(digits[at]) + 1 + random.int(8)) % 10);
    const slipped = `${digits.slice(0, 4).join('')}-${digits.slice(4, 6).join('')}-${digits.slice(6).join('')}`;
    return validDate(slipped) ? slipped : date;
  }
  const swapped = `${y}-${m}-${d[1]}${d[0]}`;
  return validDate(swapped) ? swapped : date;
}

const validDate = (date: string) => {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= 28;
};

function korean(random: Random): Identity {
  const name = koreanName(random);
  const hangul = name.surname + name.given;
  // A quarter are recorded in Hangul by both (a second Korean record), some in Latin by both.
  const style = random.weighted([
    ['hangul-latin', 6],
    ['hangul-hangul', 2.5],
    ['latin-latin', 1.5],
  ] as const);
  return {
    sex: random.chance(0.5) ? 'M' : 'F',
    birthDate: birthDate(random),
    nationality: 'KR',
    passport: `KR:M${100_000_000 + random.int(899_999_999)}`.slice(0, 12),
    write: (side, r) => {
      if (style === 'latin-latin') return [latinKorean(name, r, side === 'B' || r.chance(0.5))];
      if (side === 'A' || style === 'hangul-hangul') {
        const written = side === 'B' && r.chance(0.4) ? hangulSlip(hangul, r) : hangul;
        return side === 'A' && r.chance(0.3) ? [written, latinKorean(name, r, true)] : [written];
      }
      return [latinKorean(name, r, r.chance(0.75))];
    },
  };
}

function khmer(random: Random): Identity {
  const name = khmerName(random);
  const scriptOnB = random.chance(0.75);
  return {
    sex: random.chance(0.5) ? 'M' : 'F',
    birthDate: birthDate(random),
    nationality: 'KH',
    passport: `KH:N${10_000_000 + random.int(89_999_999)}`,
    write: (side, r) => {
      if (side === 'B' && scriptOnB) return [khmerScript(name, r)];
      return [latinKhmer(name, r, side === 'B' || r.chance(0.7))];
    },
  };
}

function chinese(random: Random): Identity {
  const name = chineseName(random);
  const style = random.weighted([
    ['han-latin', 6],
    ['latin-latin', 2],
  ] as const);
  const nationality = { mainland: 'CN', taiwan: 'TW', hongkong: 'HK', malaysia: 'MY' }[name.region];
  return {
    sex: random.chance(0.5) ? 'M' : 'F',
    birthDate: birthDate(random),
    nationality,
    passport: `${nationality}:E${10_000_000 + random.int(89_999_999)}`,
    write: (side, r) => (style === 'han-latin' && side === 'A' ? [name.han] : [latinChinese(name, r)]),
  };
}

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

function western(random: Random): Identity {
  const sex = random.chance(0.5) ? 'M' : 'F';
  const given = random.pick(WESTERN_GIVEN);
  const middle = random.chance(0.3) ? random.pick(WESTERN_MIDDLE) : undefined;
  const surname = random.weighted(WESTERN_SURNAMES.map(([s, w]) => [s, w] as const));
  return {
    sex,
    birthDate: birthDate(random),
    nationality: random.pick(['US', 'GB', 'DE', 'FR', 'AU']),
    passport: `US:${500_000_000 + random.int(400_000_000)}`,
    write: (_side, r) => {
      let first = given;
      if (first.includes('-'))
        first =
          r.weighted([
            ['-', 4],
            [' ', 3],
            ['', 1],
          ] as const) === '-'
            ? first
            : first.replace('-', r.pick([' ', '']));
      let last = surname;
      if (r.chance(0.25)) last = last.normalize('NFKD').replace(/\p{M}/gu, '');
      if (r.chance(0.15)) last = last.replace(/ü/g, 'ue').replace(/ß/g, 'ss');
      if (r.chance(0.15)) {
        if (r.chance(0.5)) first = typo(first, r);
        else last = typo(last, r);
      }
      const mid = middle && r.chance(0.6) ? (r.chance(0.4) ? `${middle[0]}.` : middle) : undefined;
      const givenPart = [first, mid].filter(Boolean).join(' ');
      const form = r.weighted([
        ['given-first', 6],
        ['SURNAME given', 2],
        ['surname, given', 2],
        ['glued', 0.4],
      ] as const);
      if (form === 'glued') return [`${first.replace(/[ -]/g, '')}${last.replace(/[ -]/g, '')}`];
      if (form === 'SURNAME given') return [`${last.toUpperCase()} ${givenPart}`];
      if (form === 'surname, given') return [`${last}, ${givenPart}`];
      return [r.chance(0.3) ? `${givenPart} ${last}`.toUpperCase() : `${givenPart} ${last}`];
    },
  };
}

function other(random: Random): Identity {
  const kind = random.pick(['RU', 'TH', 'VN', 'AR'] as const);
  const birth = birthDate(random);
  if (kind === 'RU') {
    const [given, sex, givenLatin] = random.pick(RUSSIAN_GIVEN);
    const [surname, surnameLatin] = random.pick(RUSSIAN_SURNAMES);
    const [patronymic, patronymicLatin] = random.pick(RUSSIAN_PATRONYMICS);
    const fem = sex === 'F';
    const cyr = `${given} ${patronymic}${fem ? 'на' : 'ич'} ${surname}${fem ? 'а' : ''}`;
    return {
      sex,
      birthDate: birth,
      nationality: 'RU',
      passport: `RU:${10_000_000 + random.int(89_999_999)}`,
      write: (side, r) => {
        if (side === 'A' && r.chance(0.7))
          return [r.chance(0.5) ? cyr : `${surname}${fem ? 'а' : ''} ${given}`];
        const latinGiven = r.pick(givenLatin);
        const latinSurname = r.pick(surnameLatin) + (fem ? 'A' : '');
        const withPatronymic = r.chance(0.25) ? ` ${patronymicLatin}${fem ? 'NA' : 'ICH'}` : '';
        return [
          r.chance(0.5)
            ? `${latinSurname} ${latinGiven}${withPatronymic}`
            : `${cap(latinGiven)}${withPatronymic ? cap(withPatronymic.trim()).replace(/^/, ' ') : ''} ${cap(latinSurname)}`,
        ];
      },
    };
  }
  if (kind === 'TH') {
    const [given, givenLatin] = random.pick(THAI_GIVEN);
    const [surname, surnameLatin] = random.pick(THAI_SURNAMES);
    return {
      sex: random.chance(0.5) ? 'M' : 'F',
      birthDate: birth,
      nationality: 'TH',
      passport: `TH:AA${1_000_000 + random.int(8_999_999)}`,
      write: (side, r) =>
        side === 'A' && r.chance(0.7)
          ? [`${given} ${surname}`]
          : [
              r.chance(0.5)
                ? `${r.pick(givenLatin)} ${r.pick(surnameLatin)}`
                : `${r.pick(surnameLatin)} ${cap(r.pick(givenLatin))}`,
            ],
    };
  }
  if (kind === 'VN') {
    const sex = random.chance(0.5) ? 'M' : 'F';
    const surname = random.weighted(VIETNAMESE_SURNAMES.map(([s, w]) => [s, w] as const));
    const middle = random.pick(VIETNAMESE_MIDDLE[sex]);
    const given = random.pick(VIETNAMESE_GIVEN[sex]);
    const ascii = (text: string) =>
      text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').replace(/đ/g, 'd');
    return {
      sex,
      birthDate: birth,
      nationality: 'VN',
      passport: `VN:C${1_000_000 + random.int(8_999_999)}`,
      write: (side, r) => {
        const diacritics = side === 'A' ? r.chance(0.7) : r.chance(0.2);
        const f = (text: string) => (diacritics ? text : ascii(text).toUpperCase());
        return [
          r.weighted([
            [`${f(surname)} ${f(middle)} ${f(given)}`, 5],
            [`${f(given)} ${f(surname)} ${f(middle)}`, 1],
            [`${f(middle)} ${f(given)} ${f(surname)}`, 2],
            [`${f(given)} ${f(surname)}`, 1],
          ] as const),
        ];
      },
    };
  }
  const [given, sex, givenLatin] = random.pick(ARABIC_GIVEN);
  const [surname, surnameLatin] = random.pick(ARABIC_SURNAMES);
  return {
    sex,
    birthDate: birth,
    nationality: random.pick(['EG', 'JO', 'SA', 'SY']),
    passport: `EG:A${10_000_000 + random.int(89_999_999)}`,
    write: (side, r) =>
      side === 'A' && r.chance(0.6)
        ? [`${given} ${surname}`]
        : [
            r.chance(0.6)
              ? `${cap(r.pick(givenLatin))} ${r.pick(surnameLatin)}`
              : `${r.pick(surnameLatin)}, ${cap(r.pick(givenLatin))}`,
          ],
  };
}

const MAKERS: Record<Origin, (random: Random) => Identity> = {
  KR: korean,
  KH: khmer,
  CN: chinese,
  WEST: western,
  OTHER: other,
};

function facts(identity: Identity, names: string[], random: Random, slip: boolean): PersonFacts {
  const out: PersonFacts = { names };
  const date = random.next();
  if (date < 0.75) out.birthDate = slip ? dateSlip(identity.birthDate, random) : identity.birthDate;
  else if (date < 0.8) out.birthDate = identity.birthDate.slice(0, 4);
  if (random.chance(0.8)) out.sex = identity.sex;
  if (random.chance(0.6)) out.nationalities = [identity.nationality];
  if (identity.passport && random.chance(0.2)) out.passports = [identity.passport];
  return out;
}

export const ORIGIN_SIZES: Record<Origin, number> = { KR: 500, KH: 350, CN: 350, WEST: 350, OTHER: 350 };

/** Every record of the generated set; identities alternate between the tune and held-out splits. */
export function generateRecords(seed = 20260): LabelledRecord[] {
  const random = seeded(seed);
  const records: LabelledRecord[] = [];
  for (const origin of Object.keys(ORIGIN_SIZES) as Origin[]) {
    const identities: Identity[] = [];
    for (let i = 0; i < ORIGIN_SIZES[origin]; i++) {
      // A namesake: another person with the very name of one already made (frequency lists make more).
      const identity = MAKERS[origin](random);
      if (identities.length > 0 && random.chance(0.08)) {
        identity.write = random.pick(identities).write;
      }
      identities.push(identity);
      const sides = random.weighted([
        [['A', 'B'], 6],
        [['A'], 2],
        [['B'], 2],
      ] as const);
      const slipOn = random.chance(0.12) ? random.pick(sides) : undefined;
      for (const side of sides) {
        records.push({
          id: `${origin}-${i}-${side}`,
          identity: `${origin}-${i}`,
          side,
          origin,
          split: i % 2 === 0 ? 'tune' : 'heldout',
          facts: facts(identity, identity.write(side, random), random, slipOn === side),
        });
      }
    }
  }
  return records;
}
