import { countryCode, countryPrefixed, splitCountry } from './country.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';

export interface NationalIdContext {
  defaultCountry?: string | undefined;
}

// Korean resident registration number: birth date YYMMDD, then a digit for century and sex (9/0: 1800s,
// 1/2: 1900s, 3/4: 2000s, 5–8: foreign residents), then six digits. The old check digit is not enforced: numbers
// issued since October 2020 no longer carry one.
const koreanRrn = /^(\d{2})(\d{2})(\d{2})-?([0-9])(\d{6})$/;
const centuries: Record<string, number> = {
  '9': 1800,
  '0': 1800,
  '1': 1900,
  '2': 1900,
  '5': 1900,
  '6': 1900,
};

function rrnProblem(number: string): string | undefined {
  const match = koreanRrn.exec(number);
  if (!match) return 'Korean resident registration number must be 13 digits, like 900101-1234567';
  const [, yy, mm, dd, code] = match;
  const year = (centuries[code ?? ''] ?? 2000) + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) {
    return 'Korean resident registration number does not start with a real birth date';
  }
  return undefined;
}

/**
 * Normalises a national identity number to '<ISO2>:<digits or letters>' ('KR:9001011234567'). Korean numbers
 * written in their distinctive 'YYMMDD-NNNNNNN' shape are taken as Korean (details.countryGuessed); otherwise
 * the country comes from the text or context, else 'XX'. Cambodian ID cards carry 9 or 10 digits.
 */
export function normaliseNationalId(raw: string, context: NationalIdContext = {}): NormalisedIdentifier {
  const cleaned = cleanText(raw);
  const { country: written, rest } = splitCountry(cleaned);
  const stated = written ?? countryCode(context.defaultCountry);
  const compactInput = rest.replace(/\s/g, '');
  const guessedKorean = !stated && /^\d{6}-\d{7}$/.test(compactInput) && !rrnProblem(compactInput);
  const country = stated ?? (guessedKorean ? 'KR' : 'XX');
  const number = compactInput.toUpperCase().replace(/[-.]/g, '');
  const fail = (problem: string) =>
    invalidIdentifier('national_id', raw, `${country}:${number}`, problem, { country });
  if (number === '') return fail('national ID number is empty');
  if (country === 'KR') {
    const problem = rrnProblem(number);
    if (problem) return fail(problem);
  } else if (country === 'KH' && !/^\d{9,10}$/.test(number)) {
    return fail('Cambodian national ID number must be 9 or 10 digits');
  } else if (!/^[A-Z0-9]{5,20}$/.test(number)) {
    return fail('national ID number must be 5–20 letters and digits');
  }
  const display =
    country === 'KR' ? `KR ${number.slice(0, 6)}-${number.slice(6)}` : countryPrefixed(country, number);
  const details: Record<string, string> = { country };
  if (guessedKorean) details.countryGuessed = 'true';
  return validIdentifier('national_id', raw, `${country}:${number}`, display, details);
}
