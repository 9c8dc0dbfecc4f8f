// Evidence for and against "same person" beyond names: birth date, sex, nationality, identifiers.
// Each effect is symmetric in its two records, so the whole score is.
import type { PersonFacts } from './person-facts.ts';

export interface Effect {
  factor: string;
  effect: number;
  text: string;
  /** A contradiction a human should look at when the rest says "same person". */
  conflict?: boolean;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;

function birthDateEffect(a?: string, b?: string): Effect | undefined {
  if (!a || !b) return undefined;
  const fullA = FULL_DATE.exec(a);
  const fullB = FULL_DATE.exec(b);
  if (fullA && fullB) {
    if (a === b) return { factor: 'birth-date', effect: 3, text: `birth date equal ${a}` };
    const [, yearA, monthA, dayA] = fullA;
    const [, yearB, monthB, dayB] = fullB;
    // 1990-03-04 vs 1990-04-03: a day/month order slip between date conventions, not a contradiction.
    if (yearA === yearB && monthA === dayB && dayA === monthB) {
      return { factor: 'birth-date', effect: -0.5, text: `birth dates differ by a day/month swap ${a}/${b}` };
    }
    return { factor: 'birth-date', effect: -4, text: `birth date differs ${a}/${b}`, conflict: true };
  }
  const yearA = fullA?.[1] ?? (YEAR.test(a) ? a : undefined);
  const yearB = fullB?.[1] ?? (YEAR.test(b) ? b : undefined);
  if (!yearA || !yearB) return undefined;
  if (yearA === yearB) return { factor: 'birth-date', effect: 1, text: `birth year equal ${yearA}` };
  return { factor: 'birth-date', effect: -3, text: `birth year differs ${yearA}/${yearB}`, conflict: true };
}

function sexEffect(a?: string, b?: string): Effect | undefined {
  // X says nothing either way.
  if (!a || !b || a === 'X' || b === 'X') return undefined;
  if (a === b) return { factor: 'sex', effect: 0.3, text: `sex equal ${a}` };
  return { factor: 'sex', effect: -3, text: `sex differs ${a}/${b}`, conflict: true };
}

const upper = (values: readonly string[] | undefined): string[] =>
  [...new Set((values ?? []).map((v) => v.trim().toUpperCase()).filter((v) => v !== ''))].sort();

function nationalityEffect(a?: readonly string[], b?: readonly string[]): Effect | undefined {
  const left = upper(a);
  const right = upper(b);
  if (left.length === 0 || right.length === 0) return undefined;
  const shared = left.filter((code) => right.includes(code));
  if (shared.length > 0) {
    return { factor: 'nationality', effect: 0.3, text: `nationality shared ${shared.join(', ')}` };
  }
  // Weak: dual nationals and clerical errors are common.
  return {
    factor: 'nationality',
    effect: -0.5,
    text: `no nationality in common ${left.join(', ')}/${right.join(', ')}`,
  };
}

const compact = (values: readonly string[] | undefined): string[] =>
  upper(values).map((value) => value.replace(/[\s\-.]/g, ''));

function passportEffect(a?: readonly string[], b?: readonly string[]): Effect | undefined {
  const left = compact(a);
  const right = compact(b);
  const equal = left.find((passport) => right.includes(passport));
  if (equal) return { factor: 'passport', effect: 6, text: `passport equal ${equal}` };
  const country = (passport: string): string | undefined => /^([A-Z]{2}):/.exec(passport)?.[1];
  const countriesA = new Set(left.map(country).filter((c) => c !== undefined));
  const sameCountry = [...new Set(right.map(country))]
    .filter((c) => c !== undefined && countriesA.has(c))
    .sort();
  if (sameCountry.length === 0) return undefined;
  // Against, but not a contradiction: people renew, replace and hold several passports.
  return { factor: 'passport', effect: -1.5, text: `passport differs (${sameCountry.join(', ')})` };
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
  return equal ? { factor, effect, text: `${label} equal ${equal}` } : undefined;
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
