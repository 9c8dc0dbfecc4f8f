// Evidence for and against "same person" beyond names: birth date, sex, nationality, identifiers.
// Each effect is symmetric in its two records, so the whole score is.
import type { PersonFacts } from './person-facts.ts';

export interface Effect {
  factor: string;
  effect: number;
  text: string;
  /** Stable reason code and its parameters, for a client to say the reason in its user's language. */
  code: string;
  params?: Record<string, string>;
  /** A contradiction a human should look at when the rest says "same person". */
  conflict?: boolean;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;

const isDigitSlip = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  if (differ.length === 1) return true;
  // Two neighbouring digits swapped: 1985-03-14 / 1985-03-41 is impossible, 1958 / 1985 is a slip.
  const [i, j] = differ as [number, number];
  return differ.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
};

const dateEffect = (
  effect: number,
  code: string,
  text: string,
  params: Record<string, string>,
  conflict = false,
): Effect => ({
  factor: 'birth-date',
  effect,
  text,
  code,
  params,
  ...(conflict && { conflict }),
});

// A clerk's slip (one digit, two digits swapped, day and month in the other order) is how two records of one
// person come to differ; a different year is how two people do.
function birthDateEffect(a?: string, b?: string): Effect | undefined {
  if (!a || !b) return undefined;
  const fullA = FULL_DATE.exec(a);
  const fullB = FULL_DATE.exec(b);
  if (fullA && fullB) {
    const pair = { a, b };
    if (a === b) return dateEffect(3.5, 'birth-date-equal', `birth date equal ${a}`, { date: a });
    const [, yearA, monthA, dayA] = fullA;
    const [, yearB, monthB, dayB] = fullB;
    if (yearA === yearB && monthA === dayB && dayA === monthB) {
      return dateEffect(1.5, 'birth-date-swapped', `birth dates differ by a day/month swap ${a}/${b}`, pair);
    }
    if (isDigitSlip(a.replace(/-/g, ''), b.replace(/-/g, ''))) {
      return dateEffect(1, 'birth-date-slip', `birth dates differ by one digit ${a}/${b}`, pair);
    }
    if (yearA === yearB) {
      return dateEffect(-2, 'birth-date-differs-same-year', `birth date differs, same year ${a}/${b}`, pair);
    }
    return dateEffect(-5, 'birth-date-differs', `birth date differs ${a}/${b}`, pair, true);
  }
  const yearA = fullA?.[1] ?? (YEAR.test(a) ? a : undefined);
  const yearB = fullB?.[1] ?? (YEAR.test(b) ? b : undefined);
  if (!yearA || !yearB) return undefined;
  if (yearA === yearB) return dateEffect(1, 'birth-year-equal', `birth year equal ${yearA}`, { year: yearA });
  const pair = { a: yearA, b: yearB };
  if (isDigitSlip(yearA, yearB))
    return dateEffect(-1.5, 'birth-year-slip', `birth years differ by one digit ${yearA}/${yearB}`, pair);
  return dateEffect(-4, 'birth-year-differs', `birth year differs ${yearA}/${yearB}`, pair, true);
}

function sexEffect(a?: string, b?: string): Effect | undefined {
  // X says nothing either way.
  if (!a || !b || a === 'X' || b === 'X') return undefined;
  if (a === b)
    return { factor: 'sex', effect: 0.3, text: `sex equal ${a}`, code: 'sex-equal', params: { sex: a } };
  return {
    factor: 'sex',
    effect: -3,
    text: `sex differs ${a}/${b}`,
    code: 'sex-differs',
    params: { a, b },
    conflict: true,
  };
}

const upper = (values: readonly string[] | undefined): string[] =>
  [...new Set((values ?? []).map((v) => v.trim().toUpperCase()).filter((v) => v !== ''))].sort();

function nationalityEffect(a?: readonly string[], b?: readonly string[]): Effect | undefined {
  const left = upper(a);
  const right = upper(b);
  if (left.length === 0 || right.length === 0) return undefined;
  const shared = left.filter((code) => right.includes(code));
  if (shared.length > 0) {
    const codes = shared.join(', ');
    return {
      factor: 'nationality',
      effect: 0.3,
      text: `nationality shared ${codes}`,
      code: 'nationality-shared',
      params: { codes },
    };
  }
  // Weak: dual nationals and clerical errors are common.
  return {
    factor: 'nationality',
    effect: -0.7,
    text: `no nationality in common ${left.join(', ')}/${right.join(', ')}`,
    code: 'nationality-none-shared',
    params: { a: left.join(', '), b: right.join(', ') },
  };
}

const compact = (values: readonly string[] | undefined): string[] =>
  upper(values).map((value) => value.replace(/[\s\-.]/g, ''));

function passportEffect(a?: readonly string[], b?: readonly string[]): Effect | undefined {
  const left = compact(a);
  const right = compact(b);
  const equal = left.find((passport) => right.includes(passport));
  if (equal)
    return {
      factor: 'passport',
      effect: 6,
      text: `passport equal ${equal}`,
      code: 'passport-equal',
      params: { value: equal },
    };
  const country = (passport: string): string | undefined => /^([A-Z]{2}):/.exec(passport)?.[1];
  const countriesA = new Set(left.map(country).filter((c) => c !== undefined));
  const sameCountry = [...new Set(right.map(country))]
    .filter((c) => c !== undefined && countriesA.has(c))
    .sort();
  if (sameCountry.length === 0) return undefined;
  // Against, but not a contradiction: people renew, replace and hold several passports.
  const countries = sameCountry.join(', ');
  return {
    factor: 'passport',
    effect: -1.5,
    text: `passport differs (${countries})`,
    code: 'passport-differs',
    params: { countries },
  };
}

function equalityEffect(
  factor: string,
  label: string,
  effect: number,
  a?: readonly string[],
  b?: readonly string[],
) {
  const right = compact(b);
  const equal = compact(a).find((value) => right.includes(value));
  // A differing phone or handle says nothing: people have many.
  return equal
    ? { factor, effect, text: `${label} equal ${equal}`, code: `${factor}-equal`, params: { value: equal } }
    : undefined;
}

export function profileEffects(a: PersonFacts, b: PersonFacts): Effect[] {
  return [
    birthDateEffect(a.birthDate, b.birthDate),
    sexEffect(a.sex, b.sex),
    nationalityEffect(a.nationalities, b.nationalities),
  ].filter((effect): effect is Effect => effect !== undefined);
}

export function identifierEffects(a: PersonFacts, b: PersonFacts): Effect[] {
  return [
    passportEffect(a.passports, b.passports),
    equalityEffect('phone', 'phone', 3.5, a.phones, b.phones),
    equalityEffect('identifier', 'identifier', 3.5, a.otherIdentifiers, b.otherIdentifiers),
  ].filter((effect): effect is Effect => effect !== undefined);
}
