// The fugitive flag's matching core: whether a person seen somewhere (a graph person, a person named in a rescue
// report, a partner's mirrored person) is one of the wanted persons on file, and why. Pure: the server finds the
// candidates through an index of the keys below and asks `matchWanted` about each.
//
// A flag needs more than a name: three surnames cover half of Koreans, and with 100,000 wanted on file a name alone
// would alarm officers all day. It is raised when the passport numbers are equal, or when the names agree (surname
// and given name equal or variants of each other: 이영수 / LEE YOUNGSOO / YOUNGSOO LEE) and the birth dates are equal
// or differ by a day–month swap (1985-03-04 / 1985-04-03, the commonest clerk's slip between Korean and
// Cambodian forms).
import { compareNames, type MatchReason, scorePersonMatch } from '../persons/index.ts';

export type WantedNameKind = 'primary' | 'passport' | 'alias';

/** A wanted person as the flag needs it (the fugitive register's `wantedForMatching`). */
export interface WantedPerson {
  id: string;
  names: readonly { value: string; kind: WantedNameKind }[];
  birthDate: string | null;
  passportNumber: string | null;
  nationality: string | null;
}

/** A person seen somewhere: every name in any script, and what else the record says. */
export interface SeenPerson {
  names: readonly string[];
  birthDate?: string | null | undefined;
  passportNumbers?: readonly string[] | undefined;
  nationalities?: readonly string[] | undefined;
}

export type NameAgreement = 'exact' | 'variant';
export type BirthDateAgreement = 'equal' | 'day-month-swapped';

/** Why a person was flagged, in terms an officer can check against both records. */
export interface FlagExplanation {
  /** The names that agree: which of the seen person's names met which of the wanted person's. */
  name: {
    seen: string;
    wanted: string;
    wantedKind: WantedNameKind;
    surname: NameAgreement;
    given: NameAgreement;
  } | null;
  birthDate: { agreement: BirthDateAgreement; seen: string; wanted: string } | null;
  /** The passport number both records carry (number only: the issuing country is often unstated). */
  passport: { number: string } | null;
  /** Shared nationalities (ISO alpha-2); empty when either side states none or none is shared. */
  nationalities: string[];
  /** The person matcher's score and reasons (core/src/persons), for the detail view. */
  score: number;
  reasons: MatchReason[];
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number part of a passport number, whatever country prefix or spacing it carries ('KR:M12345678' → 'M12345678'). */
export function passportNumberKey(passport: string): string {
  const upper = passport.toUpperCase();
  const number = upper.includes(':') ? upper.slice(upper.lastIndexOf(':') + 1) : upper;
  return number.replace(/[^A-Z0-9]/g, '');
}

export function birthDateAgreement(seen?: string | null, wanted?: string | null): BirthDateAgreement | null {
  if (!seen || !wanted) return null;
  if (seen === wanted && FULL_DATE.test(seen)) return 'equal';
  const a = FULL_DATE.exec(seen);
  const b = FULL_DATE.exec(wanted);
  if (!a || !b) return null;
  return a[1] === b[1] && a[2] === b[3] && a[3] === b[2] ? 'day-month-swapped' : null;
}

const AGREEING = new Set(['exact', 'variant']);
const rank = (level: string) => (level === 'exact' ? 0 : 1);

/** The best agreeing pair of names, exact parts before variants, the wanted person's primary name first. */
export function agreeingNames(
  seenNames: readonly string[],
  wantedNames: WantedPerson['names'],
): FlagExplanation['name'] {
  let best: NonNullable<FlagExplanation['name']> | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const seen of seenNames.slice(0, 10)) {
    for (const [order, wanted] of wantedNames.slice(0, 20).entries()) {
      for (const comparison of compareNames(seen, wanted.value)) {
        const { surname, given } = comparison;
        if (!AGREEING.has(surname.level) || !AGREEING.has(given.level)) continue;
        const r = rank(surname.level) + rank(given.level) + order / 100;
        if (r < bestRank) {
          bestRank = r;
          best = {
            seen,
            wanted: wanted.value,
            wantedKind: wanted.kind,
            surname: surname.level as NameAgreement,
            given: given.level as NameAgreement,
          };
        }
      }
    }
  }
  return best;
}

const upperSet = (values: readonly (string | null | undefined)[]) =>
  new Set(values.filter((v): v is string => !!v).map((v) => v.trim().toUpperCase()));

/** Whether `seen` is `wanted` closely enough to alert an officer, and why; null when it is not. */
export function matchWanted(seen: SeenPerson, wanted: WantedPerson): FlagExplanation | null {
  const wantedPassport = wanted.passportNumber ? passportNumberKey(wanted.passportNumber) : '';
  const passportEqual =
    wantedPassport !== '' &&
    (seen.passportNumbers ?? []).some((p) => passportNumberKey(p) === wantedPassport);
  const name = agreeingNames(seen.names, wanted.names);
  const dates = birthDateAgreement(seen.birthDate, wanted.birthDate);
  if (!passportEqual && !(name && dates)) return null;
  const seenNationalities = upperSet(seen.nationalities ?? []);
  const nationalities = [...upperSet([wanted.nationality])].filter((n) => seenNationalities.has(n));
  const match = scorePersonMatch(
    {
      names: [...seen.names],
      ...(seen.birthDate && { birthDate: seen.birthDate }),
      ...(seen.nationalities?.length && { nationalities: [...seen.nationalities] }),
      ...(seen.passportNumbers?.length && { passports: seen.passportNumbers.map(passportNumberKey) }),
    },
    {
      names: wanted.names.map((n) => n.value),
      ...(wanted.birthDate && { birthDate: wanted.birthDate }),
      ...(wanted.nationality && { nationalities: [wanted.nationality] }),
      ...(wantedPassport && { passports: [wantedPassport] }),
    },
  );
  return {
    name,
    birthDate: dates ? { agreement: dates, seen: seen.birthDate!, wanted: wanted.birthDate! } : null,
    passport: passportEqual ? { number: wantedPassport } : null,
    nationalities,
    score: match.score,
    reasons: match.reasons,
  };
}
