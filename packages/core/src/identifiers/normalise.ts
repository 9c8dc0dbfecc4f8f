import { normaliseBankAccount } from './bank-account.ts';
import { findBank } from './banks.ts';
import { chainOf, detectChain, normaliseCryptoWallet } from './crypto.ts';
import { normaliseEmail } from './email.ts';
import { normaliseMessenger } from './messenger.ts';
import { readLabelledId, readMessengerLink } from './messenger-links.ts';
import { normaliseNationalId } from './national-id.ts';
import { normalisePassport } from './passport.ts';
import { normalisePhone } from './phone.ts';
import { cleanText } from './text.ts';
import type { IdentifierContext, IdentifierKind, NormalisedIdentifier } from './types.ts';
import { normaliseDomain, normaliseUrl, refang } from './url.ts';

/**
 * Normalises one identifier of a known kind. Never throws: anything that cannot be read comes back with
 * valid:false, `raw` as entered and a `problem`.
 */
export function normaliseIdentifier(
  kind: IdentifierKind,
  raw: string,
  context: IdentifierContext = {},
): NormalisedIdentifier {
  switch (kind) {
    case 'phone':
      return normalisePhone(raw, context);
    case 'email':
      return normaliseEmail(raw);
    case 'bank_account':
      return normaliseBankAccount(raw, context);
    case 'crypto_wallet':
      return normaliseCryptoWallet(raw, context);
    case 'url':
      return normaliseUrl(raw);
    case 'domain':
      return normaliseDomain(raw);
    case 'messenger':
      return normaliseMessenger(raw, context);
    case 'passport':
      return normalisePassport(raw, context);
    case 'national_id':
      return normaliseNationalId(raw, context);
  }
}

const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/i;

/** Recognises the value forms this module produces ('tron:T…', 'bank:004:…', 'telegram:name', 'KR:M…'). */
function kindOfValueForm(text: string): IdentifierKind | undefined {
  const prefix = /^([A-Za-z]+):(?!\/\/)(.+)$/.exec(text);
  if (!prefix) return undefined;
  const [, head = '', rest = ''] = prefix;
  if (chainOf(head) && detectChain(rest)) return 'crypto_wallet';
  if (head.toLowerCase() === 'bank') return 'bank_account';
  if (head.toLowerCase() === 'mailto') return 'email';
  if (head.toLowerCase() === 'tel') return 'phone';
  if (/^[A-Z]{2}$/.test(head)) return /^\d+$/.test(rest) ? 'national_id' : 'passport';
  return undefined;
}

function looksLikePhone(text: string): boolean {
  return (
    /^\+?[\d\s().-]{7,22}$/.test(text) && /^\+?[\d().\s-]*$/.test(text) && text.replace(/\D/g, '').length >= 8
  );
}

/** Text with a bank name and an account number: 'KB 123456-01-234567', '국민은행 123-45-678901'. */
function looksLikeBankAccount(text: string): boolean {
  const match = /^(.*?)[\s:：]*(\d[\d\s-]{4,}\d)$/.exec(text);
  return (
    match?.[1] !== undefined &&
    match[1] !== '' &&
    findBank(match[1].replace(/계좌|account|acct/gi, '')) !== undefined
  );
}

/** Best guess at what kind of identifier a piece of text is; undefined when nothing fits. */
export function detectIdentifierKind(raw: string): IdentifierKind | undefined {
  const text = refang(cleanText(raw));
  if (text === '') return undefined;
  const valueForm = kindOfValueForm(text);
  if (valueForm) return valueForm;
  if (detectChain(text)) return 'crypto_wallet';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return 'email';
  if (/^@[A-Za-z][A-Za-z0-9_]{2,31}$/.test(text)) return 'messenger';
  if (readLabelledId(text)) return 'messenger';
  if (/\//.test(text) && readMessengerLink(text)) return 'messenger';
  if (/^https?:\/\//i.test(text) || /^[^\s/]+\.[a-z]{2,}\/\S*$/i.test(text)) return 'url';
  if (hostPattern.test(text.replace(/\.$/, ''))) return 'domain';
  if (/^\d{6}-\d{7}$/.test(text)) return 'national_id';
  if (looksLikeBankAccount(text)) return 'bank_account';
  if (looksLikePhone(text)) return 'phone';
  if (/^[A-Z]{1,2}\d{6,9}$|^[A-Z]\d{3}[A-Z]\d{4}$/i.test(text)) return 'passport';
  return undefined;
}

/** Detects the kind and normalises in one step; undefined when the kind cannot be guessed. */
export function normaliseAnyIdentifier(
  raw: string,
  context: IdentifierContext = {},
): NormalisedIdentifier | undefined {
  const kind = detectIdentifierKind(raw);
  return kind ? normaliseIdentifier(kind, raw, context) : undefined;
}
