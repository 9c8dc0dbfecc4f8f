import { asciiHost, domainProblem } from './domain-name.ts';
import { hostToUnicode } from './punycode.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';
import { refang } from './url.ts';

// RFC 5322 "dot-atom" local part. Quoted local parts are legal but never seen in scam reports; rejecting them
// keeps the correlation key simple.
const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

// How analysts defang an address so it is not clickable: name[at]host[.]com, name(at)host.com, name [@] host.
const defangedAt = /\s*(?:\[\s*(?:at|@)\s*\]|\(\s*(?:at|@)\s*\)|\{\s*(?:at|@)\s*\})\s*/gi;

/** Undoes defanging in an email address: '[at]', '(at)', '[.]', '(dot)'. */
export function refangEmail(text: string): string {
  return refang(text.replace(defangedAt, '@'));
}

function cleanEmail(raw: string): string {
  return refangEmail(
    cleanText(raw)
      .replace(/^mailto:/i, '')
      .replace(/^<(.*)>$/, '$1'),
  ).toLowerCase();
}

/**
 * Normalises an email address: trimmed, lower-cased (providers treat local parts case-insensitively in
 * practice), the domain converted to ASCII punycode. `display` keeps the Unicode domain.
 */
export function normaliseEmail(raw: string): NormalisedIdentifier {
  const cleaned = cleanEmail(raw);
  const at = cleaned.lastIndexOf('@');
  if (at < 0) return invalidIdentifier('email', raw, cleaned, 'email address has no @');
  const local = cleaned.slice(0, at);
  const domain = cleaned.slice(at + 1);
  if (local === '') return invalidIdentifier('email', raw, cleaned, 'email address has nothing before the @');
  if (local.length > 64)
    return invalidIdentifier('email', raw, cleaned, 'email local part is over 64 characters');
  if (!localPart.test(local)) {
    return invalidIdentifier('email', raw, cleaned, 'email address has characters not allowed before the @');
  }
  const ascii = asciiHost(domain);
  if (!ascii) return invalidIdentifier('email', raw, cleaned, 'email domain is not a valid domain name');
  const problem = domainProblem(ascii);
  if (problem) return invalidIdentifier('email', raw, cleaned, `email ${problem}`);
  const value = `${local}@${ascii}`;
  return validIdentifier('email', raw, value, `${local}@${hostToUnicode(ascii)}`, { domain: ascii });
}
