import { type Bank, findBank } from './banks.ts';
import { holderInBrackets } from './extract-rules.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';

export interface BankAccountContext {
  /** The bank when the record already names it (a code like '004' or a name like '국민은행'). */
  bank?: string | undefined;
}

/** Stands in for the bank code when no bank is named: the digits alone still correlate. */
export const unknownBankCode = 'UNKNOWN';

// The holder's name written beside the number: '(예금주 홍길동)', '(예금주: SOK DARA)', '명의 김민준', 'a/c name: …'.
const holderToEnd = /(?:예금주|명의|수취인|받는\s*분|holder|a\/c\s*name|account\s*name)\s*[:：]?.*$/i;
// Words around an account number that are labels, not the bank's name.
const labelWords =
  /(?:계좌번호|계좌|입금|예금주|번호|account\s*(?:number|no\.?)?|acct\.?(?:\s*no\.?)?|a\/c|bank\s*account|no\.)/gi;
// The account number: digits with dashes, spaces or dots between them.
const numberPart = /\d(?:[\d\s.-]*\d)?/g;
const valueForm = /^bank:([^:]+):(.*)$/i;

interface Parts {
  bankText: string;
  /** Everything but the number: a digit here means the number itself is broken ('KB 1234A5678'). */
  rest: string;
  number: string;
  /** True for the value form, whose bank part is a code and may hold digits. */
  isValueForm?: boolean;
}

/** Splits 'KB국민은행 123-45-678901' (or the value form 'bank:004:12345678901') into bank text and number. */
function splitParts(cleaned: string): Parts {
  const asValue = valueForm.exec(cleaned);
  if (asValue) {
    const code = asValue[1] ?? '';
    const bankText = code === unknownBankCode ? '' : code;
    return { bankText, rest: '', number: asValue[2] ?? '', isValueForm: true };
  }
  const runs = [...cleaned.matchAll(numberPart)];
  const longest = runs.reduce<RegExpExecArray | RegExpMatchArray | undefined>(
    (best, run) =>
      best && best[0].replace(/\D/g, '').length >= run[0].replace(/\D/g, '').length ? best : run,
    undefined,
  );
  if (!longest || longest.index === undefined) return { bankText: cleaned, rest: cleaned, number: '' };
  const before = cleaned.slice(0, longest.index);
  const after = cleaned.slice(longest.index + longest[0].length);
  // The bank is named before the number ('KB 123…') or, less often, after it ('123… (국민은행)').
  const bankText = bankTextOf(before) ? before : after;
  return { bankText, rest: `${before} ${after}`.replace(holderToEnd, ' '), number: longest[0] };
}

function bankTextOf(text: string): string {
  const name = text
    .replace(holderInBrackets, ' ')
    .replace(holderToEnd, ' ')
    .replace(labelWords, ' ')
    .replace(/[:：()[\]/,#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Stray punctuation ('3370-18-477-') names no bank.
  return /[\p{L}\d]/u.test(name) ? name : '';
}

/** The bank a text names: as a whole, else without what is in brackets, else its first word that is a bank. */
function bankIn(text: string): Bank | undefined {
  const unbracketed = text.replace(/[(（[][^)）\]]*[)）\]]/g, ' ').trim();
  const candidates = [text, unbracketed, ...unbracketed.split(/\s+/)];
  for (const candidate of candidates) {
    const bank = candidate ? findBank(candidate) : undefined;
    if (bank) return bank;
  }
  return undefined;
}

function resolveBank(bankText: string, contextBank: string | undefined): { bank?: Bank; name: string } {
  const name = bankText || contextBank?.trim() || '';
  const bank = name ? bankIn(name) : undefined;
  return bank ? { bank, name } : { name };
}

function formatDisplay(bank: Bank | undefined, name: string, number: string): string {
  const grouped = number.replace(/[\s.]+/g, '-');
  const label = bank?.name ?? name;
  return label ? `${label} ${grouped}` : grouped;
}

/**
 * Normalises a bank account to `bank:<BANKCODE>:<digits>`. The bank comes from the text ('국민은행 123-45-678901',
 * 'KB 123456-01-234567') or the context; an unrecognised bank name becomes its upper-cased key and a missing one
 * `UNKNOWN`. Only dashes, spaces and dots may separate digits; 6–20 digits.
 */
export function normaliseBankAccount(raw: string, context: BankAccountContext = {}): NormalisedIdentifier {
  const cleaned = cleanText(raw);
  const parts = splitParts(cleaned.replace(holderInBrackets, ' '));
  const bankText = bankTextOf(parts.bankText);
  const { bank, name } = resolveBank(bankText, context.bank);
  const digits = parts.number.replace(/\D/g, '');
  const invalid = (problem: string) => invalidIdentifier('bank_account', raw, cleaned, problem);
  if (digits === '') return invalid('bank account has no account number');
  if (!parts.isValueForm && /\d/.test(bankTextOf(parts.rest)))
    return invalid('bank account number may contain only digits, dashes, dots and spaces');
  if (/[^\d\s.-]/.test(parts.number)) return invalid('bank account number has unexpected characters');
  if (digits.length < 6) return invalid('bank account number is shorter than 6 digits');
  if (digits.length > 20) return invalid('bank account number is longer than 20 digits');
  const code = bank?.code ?? (name ? name.toUpperCase().replace(/\s+/g, '') : unknownBankCode);
  const details: Record<string, string> = {};
  if (bank) {
    details.bank = bank.name;
    details.bankCountry = bank.country;
  } else if (name) {
    details.bankName = name;
  }
  return validIdentifier(
    'bank_account',
    raw,
    `bank:${code}:${digits}`,
    formatDisplay(bank, name, parts.number),
    Object.keys(details).length > 0 ? details : undefined,
  );
}
