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
  /**
   * ISO 3166-1 alpha-2 country the number was written in ('KR', 'KH', …), normally the recording agency's: a
   * number written without a calling code is read in it (details.countryAssumed says so).
   */
  defaultCountry?: string | undefined;
}

// The two countries of the task force. A national number that is not valid in the default country (or has no
// default) is tried in both; it is accepted only when exactly one reading is valid (details.countryGuessed).
const taskForceCountries: CountryCode[] = ['KR', 'KH'];

// Calling codes people write with a stray trunk 0 ("0855 12 345 678", "082 10 …") or without the '+'.
const doubledTrunkPrefix = /^0(855|82)(?=\d{7})/;
const bareCallingCode = /^(855|82)(?=\d{7})/;

// Words written before a number: 'Tel:', 'H.P', '휴대폰:', 'លេខទូរស័ព្ទ'. Only when followed by a digit, '+' or '('.
const phoneLabel =
  /^(?:tel(?:ephone)?|phone|mobile|mob|cell|hp|h\.p|ph|whats\s?app|휴대폰|핸드폰|휴대전화|전화번호|전화|연락처|ទូរស័ព្ទ|លេខទូរស័ព្ទ|លេខ)\.?\s*(?:no\.?|number|번호)?\s*[:：.]?\s*(?=[+(\d])/i;

// The shortest national significant number kept as an unverified digits key: shorter is a fragment, not a number.
const minimumKeyDigits = 7;

const lengthProblems: Record<string, string> = {
  TOO_SHORT: 'phone number is too short',
  TOO_LONG: 'phone number is too long',
  INVALID_LENGTH: 'phone number has an impossible length',
  INVALID_COUNTRY: 'phone number has an unknown country code',
  NOT_A_NUMBER: 'not a phone number',
};

/** Strips a label ('Tel:', '휴대폰:'), formatting (spaces, dashes, dots, parentheses, 'tel:') and turns "00" into "+". */
export function cleanPhone(raw: string): string {
  const compact = cleanText(raw)
    .replace(/^tel:/i, '')
    .replace(phoneLabel, '')
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

/** How a reading came about: as written (a calling code), in the default country, or guessed between the two. */
type Reading = { phone: PhoneNumber; country?: 'assumed' | 'guessed' };

function as(phone: PhoneNumber | undefined, how?: 'assumed' | 'guessed'): Reading | undefined {
  return phone ? (how ? { phone, country: how } : { phone }) : undefined;
}

/** The readings of a cleaned number, most literal first; the first valid one wins. */
function readings(cleaned: string, country: CountryCode | undefined): Array<() => Reading | undefined> {
  if (cleaned.startsWith('+')) return [() => as(validParse(cleaned))];
  const list: Array<() => Reading | undefined> = [];
  if (country) list.push(() => as(validParse(cleaned, country), 'assumed'));
  if (doubledTrunkPrefix.test(cleaned)) list.push(() => as(validParse(`+${cleaned.slice(1)}`)));
  if (bareCallingCode.test(cleaned)) list.push(() => as(validParse(`+${cleaned}`)));
  list.push(() => guessTaskForceCountry(cleaned, country));
  return list;
}

/**
 * A national number not valid in the default country is read in the other task-force country only when its
 * prefix is in use there for no number of that length: Korea has no nine-digit 012 numbers, so a KNPA officer's
 * '012 345 678' is Cambodian; Phnom Penh numbers start 023, so a CNP officer's '023 508 208' stays Cambodian
 * (unverified) rather than becoming a Seoul number.
 */
function guessTaskForceCountry(cleaned: string, home: CountryCode | undefined): Reading | undefined {
  if (home && prefixInUse(cleaned, home)) return undefined;
  const found = taskForceCountries
    .filter((c) => c !== home)
    .map((c) => validParse(cleaned, c))
    .filter((p) => p !== undefined);
  return found.length === 1 ? as(found[0], 'guessed') : undefined;
}

/** True when some valid number of the same length starts with the same two national digits in `country`. */
function prefixInUse(cleaned: string, country: CountryCode): boolean {
  return nationalPrefixInUse(tryParse(cleaned, country)?.nationalNumber, country);
}

function nationalPrefixInUse(national: string | undefined, country: CountryCode): boolean {
  if (!national || national.length < 4) return false;
  const prefix = national.slice(0, 2);
  const rest = national.slice(4);
  for (let next = 0; next < 100; next++) {
    const candidate = `${prefix}${String(next).padStart(2, '0')}${rest}`;
    if (validParse(candidate, country)) return true;
  }
  return false;
}

/**
 * The number the phone library cannot verify (its metadata lags new number ranges), read as calling code and
 * digits: '+855 23 508 208', '023 508 208' written in Cambodia and '0855-23-508-208' all give '+85523508208'.
 * Kept only when valid numbers of the same length share its first two national digits, so a fragment or two
 * numbers run together is not taken for one.
 */
/** The number with its calling code when written with one ('+855…', '0855…', '855…'); undefined for a national form. */
function internationalForm(cleaned: string): string | undefined {
  if (cleaned.startsWith('+')) return cleaned;
  if (doubledTrunkPrefix.test(cleaned)) return `+${cleaned.slice(1)}`;
  return bareCallingCode.test(cleaned) ? `+${cleaned}` : undefined;
}

function unverifiedReading(cleaned: string, country: CountryCode | undefined): Reading | undefined {
  const international = internationalForm(cleaned);
  const reading: Reading | undefined = international
    ? as(tryParse(international))
    : country
      ? as(tryParse(cleaned, country), 'assumed')
      : undefined;
  const phone = reading?.phone;
  if (!phone?.country || phone.nationalNumber.length < minimumKeyDigits) return undefined;
  // Numbers of this length and prefix are in use there: only these exact digits are unknown to the metadata.
  return nationalPrefixInUse(phone.nationalNumber, phone.country) ? reading : undefined;
}

function explainInvalid(cleaned: string, country: CountryCode | undefined): string {
  if (!/^\+?\d+$/.test(cleaned)) return 'phone number contains characters other than digits and formatting';
  const international = internationalForm(cleaned);
  if (!international && !country) {
    return 'phone number has no country code and no default country, and is not a valid Korean or Cambodian number';
  }
  const [text, defaultCountry] = international ? [international, undefined] : [cleaned, country];
  const lengthIssue = validatePhoneNumberLength(text, defaultCountry);
  if (lengthIssue) return lengthProblems[lengthIssue] ?? 'phone number has an impossible length';
  const parsed = tryParse(text, defaultCountry);
  return parsed?.country
    ? `not a valid phone number in ${parsed.country}`
    : 'not a valid phone number for its country code';
}

function detailsOf({ phone, country }: Reading): Record<string, string> {
  const details: Record<string, string> = { callingCode: phone.countryCallingCode };
  if (phone.country) details.country = phone.country;
  if (country === 'assumed' && phone.country) details.countryAssumed = phone.country;
  if (country === 'guessed') details.countryGuessed = 'true';
  return details;
}

function describe(raw: string, reading: Reading): NormalisedIdentifier {
  const details = detailsOf(reading);
  const type = reading.phone.getType();
  if (type) details.type = type.toLowerCase();
  return validIdentifier('phone', raw, reading.phone.number, reading.phone.formatInternational(), details);
}

/**
 * Normalises a phone number to E.164 ('+85512345678'), tolerating the ways people write Korean and Cambodian
 * numbers: "+82-10-…", "(+855) 97-…", "0082 …", "00855 …", a doubled trunk prefix ("0855 12 …", "+855 012 …"),
 * a label ("Tel:", "휴대폰:"), national forms read in the default country (details.countryAssumed). A number the
 * phone library calls invalid but whose length is possible keeps its digits as the key ('+85523508208'), flagged
 * valid:false with details.key 'digits', so the same digits written another way still correlate. Impossible
 * numbers come back valid:false with the reason and their cleaned text.
 */
export function normalisePhone(raw: string, context: PhoneContext = {}): NormalisedIdentifier {
  const cleaned = cleanPhone(raw);
  if (cleaned.replace('+', '') === '')
    return invalidIdentifier('phone', raw, cleaned, 'phone number is empty');
  const country = toCountry(context.defaultCountry);
  if (!/^\+?\d+$/.test(cleaned)) {
    return invalidIdentifier('phone', raw, cleaned, explainInvalid(cleaned, country));
  }
  for (const reading of readings(cleaned, country)) {
    const found = reading();
    if (found) return describe(raw, found);
  }
  const problem = explainInvalid(cleaned, country);
  const unverified = unverifiedReading(cleaned, country);
  if (!unverified) return invalidIdentifier('phone', raw, cleaned, problem);
  const flagged = invalidIdentifier('phone', raw, unverified.phone.number, problem, {
    ...detailsOf(unverified),
    key: 'digits',
  });
  return { ...flagged, display: unverified.phone.formatInternational() };
}
