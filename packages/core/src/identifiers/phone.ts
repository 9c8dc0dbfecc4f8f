import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';

export interface PhoneContext {
  /** ISO 3166-1 alpha-2 country the number was written in ('KR', 'KH', …); used when the number has no prefix. */
  defaultCountry?: string | undefined;
}

// The two countries of the task force. A number written without a country code and without a default country is
// tried in both; it is accepted only when exactly one reading is valid (details.countryGuessed says so).
const taskForceCountries: CountryCode[] = ['KR', 'KH'];

// Calling codes people write with a stray trunk 0 ("0855 12 345 678", "082 10 …") or without the '+'.
const doubledTrunkPrefix = /^0(855|82)(?=\d{7})/;
const bareCallingCode = /^(855|82)(?=\d{7})/;

const lengthProblems: Record<string, string> = {
  TOO_SHORT: 'phone number is too short',
  TOO_LONG: 'phone number is too long',
  INVALID_LENGTH: 'phone number has an impossible length',
  INVALID_COUNTRY: 'phone number has an unknown country code',
  NOT_A_NUMBER: 'not a phone number',
};

/** Strips formatting (spaces, dashes, dots, parentheses, a 'tel:' prefix) and turns "00" into "+". */
export function cleanPhone(raw: string): string {
  const compact = cleanText(raw)
    .replace(/^tel:/i, '')
    .replace(/[\s\-.()/\u2010-\u2015\u2212]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

function toCountry(code: string | undefined): CountryCode | undefined {
  const upper = code?.trim().toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

function tryParse(text: string, country?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberWithError(text, country);
  } catch {
    return undefined;
  }
}

function validParse(text: string, country?: CountryCode): PhoneNumber | undefined {
  const parsed = tryParse(text, country);
  return parsed?.isValid() ? parsed : undefined;
}

/** The readings of a cleaned number, most literal first; the first valid one wins. */
function readings(cleaned: string, country: CountryCode | undefined): Array<() => PhoneNumber | undefined> {
  if (cleaned.startsWith('+')) return [() => validParse(cleaned)];
  const list: Array<() => PhoneNumber | undefined> = [];
  if (country) list.push(() => validParse(cleaned, country));
  if (doubledTrunkPrefix.test(cleaned)) list.push(() => validParse(`+${cleaned.slice(1)}`));
  if (country && bareCallingCode.test(cleaned)) list.push(() => validParse(`+${cleaned}`));
  return list;
}

function guessTaskForceCountry(cleaned: string): PhoneNumber | undefined {
  const found = taskForceCountries.map((c) => validParse(cleaned, c)).filter((p) => p !== undefined);
  return found.length === 1 ? found[0] : undefined;
}

function explainInvalid(cleaned: string, country: CountryCode | undefined): string {
  if (!/^\+?\d+$/.test(cleaned)) return 'phone number contains characters other than digits and formatting';
  if (!cleaned.startsWith('+') && !country) {
    return 'phone number has no country code and no default country, and is not a valid Korean or Cambodian number';
  }
  const lengthIssue = validatePhoneNumberLength(cleaned, country);
  if (lengthIssue) return lengthProblems[lengthIssue] ?? 'phone number has an impossible length';
  const parsed = tryParse(cleaned, country);
  return parsed?.country
    ? `not a valid phone number in ${parsed.country}`
    : 'not a valid phone number for its country code';
}

function describe(raw: string, phone: PhoneNumber, guessed: boolean): NormalisedIdentifier {
  const details: Record<string, string> = { callingCode: phone.countryCallingCode };
  if (phone.country) details.country = phone.country;
  const type = phone.getType();
  if (type) details.type = type.toLowerCase();
  if (guessed) details.countryGuessed = 'true';
  return validIdentifier('phone', raw, phone.number, phone.formatInternational(), details);
}

/**
 * Normalises a phone number to E.164 ('+85512345678'), tolerating the ways people write Korean and Cambodian
 * numbers: "+82-10-…", "0082 …", "00855 …", a doubled trunk prefix ("0855 12 …", "+855 012 …"), national forms
 * with a default country. Impossible numbers come back valid:false with the reason.
 */
export function normalisePhone(raw: string, context: PhoneContext = {}): NormalisedIdentifier {
  const cleaned = cleanPhone(raw);
  if (cleaned.replace('+', '') === '')
    return invalidIdentifier('phone', raw, cleaned, 'phone number is empty');
  const country = toCountry(context.defaultCountry);
  if (/^\+?\d+$/.test(cleaned)) {
    for (const reading of readings(cleaned, country)) {
      const phone = reading();
      if (phone) return describe(raw, phone, false);
    }
    if (!cleaned.startsWith('+') && !country) {
      const guess = guessTaskForceCountry(cleaned);
      if (guess) return describe(raw, guess, true);
    }
  }
  return invalidIdentifier('phone', raw, cleaned, explainInvalid(cleaned, country));
}
