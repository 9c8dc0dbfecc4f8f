// The keys under which the wanted persons are indexed for the fugitive flag, and under which a seen person is
// looked up: a candidate shares at least one key, and only candidates are scored (`matchWanted`), so a write path
// costs one indexed lookup however many are wanted. The keys must survive what the flag forgives:
//   n:  full-name sound key (core/src/persons): Hangul ↔ passport spellings, order flips, romanisation variants
//   d:  surname or given-name sound + full birth date, and the same with day and month swapped: a badly spelt
//       name with the right date, or the right name with a swapped date (n: already meets it)
//   P:  the passport number without its country prefix
import { personBlockingKeys } from '../persons/index.ts';
import { passportNumberKey, type SeenPerson, type WantedPerson } from './flag-match.ts';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_KEYS = 60;

function swapped(date: string): string | null {
  const m = FULL_DATE.exec(date);
  if (!m || m[2] === m[3] || Number(m[3]) > 12) return null;
  return `${m[1]}-${m[3]}-${m[2]}`;
}

function keysOf(
  names: readonly string[],
  birthDate: string | null | undefined,
  passports: readonly string[],
) {
  const keys = new Set<string>();
  const date = birthDate && FULL_DATE.test(birthDate) ? birthDate : undefined;
  const other = date ? swapped(date) : null;
  for (const key of personBlockingKeys(names, date)) {
    if (key.startsWith('n:')) keys.add(key);
    else if (key.startsWith('d:')) {
      keys.add(key);
      // The same name part with day and month the other way round (d: keys end with the date).
      if (other) keys.add(`${key.slice(0, -date!.length)}${other}`);
    }
  }
  for (const passport of passports) {
    const number = passportNumberKey(passport);
    if (number.length >= 5) keys.add(`P:${number}`);
  }
  return [...keys].slice(0, MAX_KEYS);
}

/** The index keys of a wanted person. */
export function wantedFlagKeys(wanted: WantedPerson): string[] {
  return keysOf(
    wanted.names.map((n) => n.value),
    wanted.birthDate,
    wanted.passportNumber ? [wanted.passportNumber] : [],
  );
}

/** The keys a seen person is looked up by: the same recipe, so one person's two records share one. */
export function seenFlagKeys(seen: SeenPerson): string[] {
  return keysOf(seen.names, seen.birthDate, seen.passportNumbers ?? []);
}
