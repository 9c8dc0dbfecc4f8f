import { normaliseBankAccount } from './bank-account.ts';
import { normaliseCryptoWallet } from './crypto.ts';
import { normaliseEmail } from './email.ts';
import * as rules from './extract-rules.ts';
import { normaliseMessenger } from './messenger.ts';
import { labelAt, readMessengerLink } from './messenger-links.ts';
import { normalisePassport } from './passport.ts';
import { normalisePhone } from './phone.ts';
import { toAsciiDashes, toAsciiDigits } from './text.ts';
import type { ExtractedIdentifier, IdentifierContext, NormalisedIdentifier } from './types.ts';
import { normaliseUrl } from './url.ts';

/**
 * The text the patterns read: digits, full-width letters, no-break and narrow spaces, hyphens and dashes as
 * ASCII, one UTF-16 unit for one, so offsets into it are offsets into the original. Text pasted from a chat,
 * a web page or a word processor has them ('+855\u00a088\u00a0123…', '123‑45‑678901').
 */
function scanText(original: string): string {
  return toAsciiDashes(toAsciiDigits(original))
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g, ' ')
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The text being scanned, and the spans already taken so a later pattern cannot match inside them. */
class Scan {
  /** Khmer and full-width digits read as ASCII; same length as the original, so offsets carry over. */
  readonly text: string;
  private readonly taken: Array<[number, number]> = [];
  readonly found: ExtractedIdentifier[] = [];

  constructor(
    readonly original: string,
    readonly context: IdentifierContext,
  ) {
    this.text = scanText(original);
  }

  isFree(start: number, end: number): boolean {
    return this.taken.every(([s, e]) => end <= s || start >= e);
  }

  add(start: number, end: number, normalise: (raw: string) => NormalisedIdentifier | undefined): boolean {
    if (!this.isFree(start, end)) return false;
    const identifier = normalise(this.original.slice(start, end));
    if (!identifier) return false;
    this.taken.push([start, end]);
    this.found.push({ identifier, start, end });
    return true;
  }

  matches(pattern: RegExp): RegExpExecArray[] {
    return [...this.text.matchAll(pattern)];
  }
}

/** Sentence punctuation after a link is not part of it. */
function trimTrailing(match: string): string {
  return match.replace(/[.,;:!?'")\]}>]+$/, '');
}

function findLinks(scan: Scan, pattern: RegExp): void {
  for (const match of scan.matches(pattern)) {
    const text = trimTrailing(match[0]);
    scan.add(match.index, match.index + text.length, (raw) =>
      readMessengerLink(raw) ? normaliseMessenger(raw, scan.context) : normaliseUrl(raw),
    );
  }
}

function findEmails(scan: Scan): void {
  for (const pattern of [rules.email, rules.defangedEmail]) {
    for (const match of scan.matches(pattern)) {
      scan.add(match.index, match.index + match[0].length, (raw) => {
        const email = normaliseEmail(raw);
        return email.valid ? email : undefined;
      });
    }
  }
}

function findWallets(scan: Scan): void {
  // A mistyped TRON, Ethereum or bech32 address is still evidence: kept, flagged invalid. Legacy Bitcoin forms
  // are only taken with a good checksum, as ordinary words and numbers can look like them.
  for (const pattern of [rules.ethAddress, rules.tronAddress, rules.segwitAddress]) {
    for (const match of scan.matches(pattern)) {
      scan.add(match.index, match.index + match[0].length, (raw) => normaliseCryptoWallet(raw));
    }
  }
  for (const match of scan.matches(rules.legacyBtcAddress)) {
    scan.add(match.index, match.index + match[0].length, (raw) => {
      const wallet = normaliseCryptoWallet(raw, { chain: 'btc' });
      return wallet.valid && /[A-Za-z]/.test(raw) ? wallet : undefined;
    });
  }
}

function lineWindow(text: string, start: number, size: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return Math.max(lineStart, start - size);
}

/**
 * The bank named, or an account label, just before a number: the span to take and the bank (if any). A bank
 * name that is also an ordinary word ('하나', 'Hana', '국민', 'Wing') counts only with 은행/bank after it, or
 * right before the number ('Hana 123-456789-01234', '국민: 151462…').
 */
function accountLead(text: string, start: number): { from: number; bankNamed: boolean } | undefined {
  const windowStart = lineWindow(text, start, 40);
  const window = text.slice(windowStart, start);
  const mentions = [...window.matchAll(rules.bankMention)].filter(
    (m) =>
      rules.isBankMention(m[1] ?? '', m[2]) ||
      /^[\s:：]{0,3}$/.test(
        window
          .slice(m.index + m[0].length)
          .replace(rules.accountLabel, '')
          .replace(rules.holderInBrackets, ''),
      ),
  );
  const labels = [...window.matchAll(rules.accountLabel)];
  const lastEnd = Math.max(...[...mentions, ...labels].map((m) => m.index + m[0].length), -1);
  // The label or bank must come right before the number: only a few non-digit characters between (a holder's
  // name in brackets aside: '하나은행(예금주 SOK DARA) 677-…').
  const between = window.slice(lastEnd).replace(rules.holderInBrackets, ' ');
  if (lastEnd < 0 || /\d/.test(between) || between.length > 12) return undefined;
  const bank = mentions.at(-1);
  return bank ? { from: windowStart + bank.index, bankNamed: true } : { from: start, bankNamed: false };
}

function findBankAccounts(scan: Scan): void {
  for (const match of scan.matches(rules.digitRun)) {
    const digits = match[0].replace(/\D/g, '').length;
    if (digits < 6 || digits > 20 || match[0].startsWith('+')) continue;
    const lead = accountLead(scan.text, match.index);
    if (!lead || (lead.bankNamed && ordinaryWordBeforePhone(scan, match))) continue;
    scan.add(lead.from, match.index + match[0].length, (raw) => {
      const account = normaliseBankAccount(raw, lead.bankNamed ? {} : { bank: scan.context.bank });
      return account.valid ? account : undefined;
    });
  }
}

/** '우리 010-1234-5678' is "we" and a phone, not Woori Bank: an ordinary word before a valid phone is no bank. */
function ordinaryWordBeforePhone(scan: Scan, match: RegExpExecArray): boolean {
  const window = scan.text.slice(lineWindow(scan.text, match.index, 40), match.index);
  const bank = [...window.matchAll(rules.bankMention)].at(-1);
  if (!bank || rules.isBankMention(bank[1] ?? '', bank[2])) return false;
  return /^\+|^\(?0/.test(match[0]) && normalisePhone(match[0], scan.context).valid;
}

function findPassports(scan: Scan): void {
  for (const match of scan.matches(rules.passportLabelled)) {
    const number = match[2] ?? '';
    const start = match.index + match[0].length - number.length;
    const before = scan.text.slice(lineWindow(scan.text, match.index, 20), match.index);
    const hint = rules.passportCountryBefore.exec(before)?.[1]?.toLowerCase();
    const country = hint ? (/캄보디아|cambodian/.test(hint) ? 'KH' : 'KR') : undefined;
    scan.add(start, start + number.length, (raw) => normalisePassport(raw, { defaultCountry: country }));
  }
}

function findHandles(scan: Scan): void {
  for (const match of scan.matches(rules.labelledMessengerId)) {
    const id = match[2] ?? match[4] ?? '';
    const start = match.index + match[0].length - id.length;
    const platform = labelAt(match[1] ?? match[3] ?? '')?.platform;
    scan.add(start, start + id.length, (raw) => {
      const account = normaliseMessenger(raw, { ...scan.context, platform });
      return account.valid ? account : undefined;
    });
  }
  for (const match of scan.matches(rules.labelledMessengerPhone)) {
    const number = match[2] ?? '';
    const start = match.index + match[0].length - number.length;
    const platform = labelAt(match[1] ?? '')?.platform;
    scan.add(start, start + number.length, (raw) => {
      const account = normaliseMessenger(raw, { ...scan.context, platform });
      return account.valid ? account : undefined;
    });
  }
  // A bare '@name': the platform from a label just before it, or the context; with neither, the normaliser
  // reads it as Telegram and says the platform was assumed.
  for (const match of scan.matches(rules.handle)) {
    const before = scan.text.slice(lineWindow(scan.text, match.index, 16), match.index);
    const labelled = [...before.matchAll(/(telegram|텔레그램|텔레|instagram|인스타그램|인스타)/gi)].at(
      -1,
    )?.[1];
    const platform = (labelled && labelAt(labelled)?.platform) || scan.context.platform;
    scan.add(match.index, match.index + match[0].length, (raw) => {
      const account = normaliseMessenger(raw, platform ? { ...scan.context, platform } : scan.context);
      return account.valid ? account : undefined;
    });
  }
}

/** Digit-group boundaries of a candidate, so numbers written back to back can be told apart. */
function groupEnds(candidate: string): number[] {
  return [...candidate.matchAll(/\d+\)?/g)].map((m) => m.index + m[0].length);
}

function phoneCandidateOk(text: string, following: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  if (digits < 8 || digits > 15 || rules.dateLike.test(text) || rules.amountAfter.test(following))
    return false;
  // National numbers in Korea and Cambodia start with the trunk 0; other digit runs are IDs or amounts.
  return /^\+|^\(?0|^\(?(?:82|855)/.test(text);
}

function findPhones(scan: Scan): void {
  for (const match of scan.matches(rules.digitRun)) {
    const candidate = match[0];
    const ends = groupEnds(candidate);
    let from = 0;
    while (from < candidate.length) {
      const taken = takeLongestPhone(scan, match.index, candidate, from, ends);
      const next = taken ?? ends.find((e) => e > from);
      if (next === undefined) break;
      from = next + (candidate.slice(next).match(/^[^\d+(]*/)?.[0].length ?? 0);
    }
  }
}

/**
 * Takes the longest valid phone starting at `from` inside a candidate; failing that, the longest one kept
 * flagged (a number the library cannot verify, or one written with '+'). Returns where it ends.
 */
function takeLongestPhone(scan: Scan, base: number, candidate: string, from: number, ends: number[]) {
  for (const strict of [true, false]) {
    for (const end of ends.filter((e) => e > from).reverse()) {
      const text = candidate.slice(from, end);
      if (!phoneCandidateOk(text, scan.text.slice(base + end, base + end + 6))) continue;
      const added = scan.add(base + from, base + end, (raw) => {
        const phone = normalisePhone(raw, scan.context);
        // A run starting 82/855 without '+' or 0 is a calling code, never a national number without its 0.
        const digits = text.replace(/\D/g, '');
        if (/^\(?(?:82|855)/.test(text) && phone.value !== `+${digits.replace(/^(82|855)0/, '$1')}`)
          return undefined;
        if (phone.valid) return phone;
        return !strict && (phone.details?.key === 'digits' || raw.startsWith('+')) ? phone : undefined;
      });
      if (added) return end;
    }
  }
  return undefined;
}

/**
 * Finds identifiers in free text (a ransom message, a complaint, a chat export) in Korean, Khmer or English.
 * Links, emails and wallets are taken first, then bank accounts and passports next to their labels, messenger
 * handles, and phones last, so a number is read as one thing only. Results are in text order, one per
 * kind+value (the first occurrence); `start`/`end` index the original text.
 */
export function extractIdentifiers(text: string, context: IdentifierContext = {}): ExtractedIdentifier[] {
  const scan = new Scan(text, context);
  findLinks(scan, rules.schemeUrl);
  findEmails(scan);
  findLinks(scan, rules.bareHost);
  findWallets(scan);
  findBankAccounts(scan);
  findPassports(scan);
  findHandles(scan);
  findPhones(scan);
  const seen = new Set<string>();
  return scan.found
    .sort((a, b) => a.start - b.start)
    .filter(({ identifier }) => {
      const key = `${identifier.kind}\u0000${identifier.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
