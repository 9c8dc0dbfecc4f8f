import { countryCode, countryPrefixed, splitCountry } from './country.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';

export interface PassportContext {
  /** The issuing country when the record states it (ISO2 'KR', ISO3 'KOR', or a name). */
  defaultCountry?: string | undefined;
}

/** Stands in for the issuing country when nobody stated it. */
export const unknownCountry = 'XX';

// Per-country formats; other countries fall back to the ICAO limit of 6–12 letters and digits (we accept 6–12).
const formats: Record<string, { pattern: RegExp; problem: string }> = {
  // M (multiple), S (single), R (residence), O (official), D (diplomatic) + 8 digits; since Dec 2021 also
  // letter, 3 digits, letter, 4 digits (M123A4567).
  KR: {
    pattern: /^[MSROD](?:\d{8}|\d{3}[A-Z]\d{4})$/,
    problem: 'Korean passport number must be M, S, R, O or D followed by 8 digits, or like M123A4567',
  },
  KH: {
    pattern: /^[A-Z]\d{7,8}$/,
    problem: 'Cambodian passport number must be a letter followed by 7 or 8 digits',
  },
};
const generic = /^[A-Z0-9]{6,12}$/;

/**
 * Normalises a passport number to '<ISO2>:<NUMBER>' ('KR:M12345678'), or 'XX:<NUMBER>' when the issuing country
 * is not known. Upper-cases and removes spaces and dashes. The country comes from the text ('KR M12345678',
 * 'KOR:M12345678') or the context; it is never guessed from the number's shape.
 */
export function normalisePassport(raw: string, context: PassportContext = {}): NormalisedIdentifier {
  const cleaned = cleanText(raw);
  const { country: written, rest } = splitCountry(cleaned);
  const country = written ?? countryCode(context.defaultCountry) ?? unknownCountry;
  const number = rest.toUpperCase().replace(/[\s-]/g, '');
  const details = { country, number };
  const fail = (problem: string) =>
    invalidIdentifier('passport', raw, `${country}:${number}`, problem, { country });
  if (number === '') return fail('passport number is empty');
  if (!/^[A-Z0-9]+$/.test(number)) return fail('passport number may hold only letters and digits');
  const format = formats[country];
  if (format && !format.pattern.test(number)) return fail(format.problem);
  if (!format && !generic.test(number)) return fail('passport number must be 6–12 letters and digits');
  return validIdentifier('passport', raw, `${country}:${number}`, countryPrefixed(country, number), details);
}
