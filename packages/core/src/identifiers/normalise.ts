import { normaliseBankAccount } from './bank-account.ts';
import { chainOf } from './chains.ts';
import { detectChain, normaliseCryptoWallet } from './crypto.ts';
import { normaliseEmail, refangEmail } from './email.ts';
import { dateLike } from './extract-rules.ts';
import { normaliseMessenger } from './messenger.ts';
import { readLabelledId, readMessengerLink } from './messenger-links.ts';
import { normaliseNationalId } from './national-id.ts';
import { normalisePassport } from './passport.ts';
import { cleanPhone, normalisePhone } from './phone.ts';
import { cleanText } from './text.ts';
import type { IdentifierContext, IdentifierKind, NormalisedIdentifier } from './types.ts';
import { normaliseDomain, normaliseUrl, refang } from './url.ts';
import { splitWalletLabel } from './wallet-labels.ts';

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

/** Recognises the value forms this module produces ('tron:T…', 'bank:004:…', 'mailto:', 'tel:'). */
function kindOfValueForm(text: string): IdentifierKind | undefined {
  const prefix = /^([A-Za-z]+):(?!\/\/)(.+)$/.exec(text);
  if (!prefix) return undefined;
  const [, head = '', rest = ''] = prefix;
  if (chainOf(head) && detectChain(rest)) return 'crypto_wallet';
  if (head.toLowerCase() === 'bank') return 'bank_account';
  if (head.toLowerCase() === 'mailto') return 'email';
  if (head.toLowerCase() === 'tel') return 'phone';
  return undefined;
}

/** 'KR:M12345678' (a passport) or 'KR:9001011234567' (a national id): a country code, then letters and digits. */
function kindOfDocumentForm(text: string): IdentifierKind | undefined {
  const document = /^([A-Z]{2}):\s*([A-Z0-9]+)$/.exec(text);
  if (!document) return undefined;
  return /^\d+$/.test(document[2] ?? '') ? 'national_id' : 'passport';
}

/** A wallet address with the labels officers write before it: 'USDT(TRC20): T…', 'TRX T…', '비트코인 bc1…'. */
function looksLikeLabelledWallet(text: string): boolean {
  const { address, labelled } = splitWalletLabel(text);
  return labelled && detectChain(address.replace(/\s+/g, '')) !== undefined;
}

/** '(+855) 97-123-4567', 'Tel: 010-1234-5678', '휴대폰: 02-955-4827': digits and formatting, maybe a label. */
function looksLikePhone(text: string): boolean {
  return /^\+?\d{8,16}$/.test(cleanPhone(text)) && !dateLike.test(text);
}

/** Text naming a known bank beside an account number: 'KB 123456-01-234567', '국민은행(예금주 홍길동) 123-…'. */
function looksLikeBankAccount(text: string): boolean {
  const account = normaliseBankAccount(text);
  return account.valid && account.details?.bank !== undefined;
}

/** Best guess at what kind of identifier a piece of text is; undefined when nothing fits. */
export function detectIdentifierKind(raw: string): IdentifierKind | undefined {
  const text = refang(cleanText(raw).replace(/^<(.*)>$/, '$1'));
  if (text === '') return undefined;
  const valueForm = kindOfValueForm(text);
  if (valueForm) return valueForm;
  if (detectChain(text) || looksLikeLabelledWallet(text)) return 'crypto_wallet';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(refangEmail(text))) return 'email';
  if (/^@[A-Za-z][A-Za-z0-9_]{2,31}$/.test(text)) return 'messenger';
  // Before messenger labels: 'Kakao Bank 3333-01-…' is an account, 'Kakao: abc' an id.
  if (looksLikeBankAccount(text)) return 'bank_account';
  if (readLabelledId(text)) return 'messenger';
  if (/\//.test(text) && readMessengerLink(text)) return 'messenger';
  if (/^https?:\/\//i.test(text) || /^[^\s/]+\.[a-z]{2,}\/\S*$/i.test(text)) return 'url';
  if (hostPattern.test(text.replace(/\.$/, ''))) return 'domain';
  if (/^\d{6}-\d{7}$/.test(text)) return 'national_id';
  const document = kindOfDocumentForm(text);
  if (document) return document;
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
