import { banks } from './banks.ts';

// Patterns for finding identifiers in free text (Korean, Khmer, English). They find candidates only; every
// candidate is then checked by its normaliser.

// Only ASCII after a scheme or 'www.': Korean text runs straight on after a link ("t.me/boss로 연락").
export const schemeUrl = /(?:https?|hxxps?):\/\/[!#-&(-;=?-[\]-~]+|(?<![\w.@-])www\.[!#-&(-;=?-[\]-~]+/gi;
export const bareHost =
  /(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|info|biz|io|me|co|kr|kh|xyz|top|vip|cc|shop|app|site|online|link|club|live|pro|asia|cn|dev|ly|to|gg|tk)(?:\/[!#-&(-;=?-[\]-~]*)?(?![\w-])/gi;
export const email = /(?<![\w.%+-])[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])/gi;
export const ethAddress = /(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])/g;
export const tronAddress = /(?<![A-Za-z0-9])T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])/g;
export const segwitAddress = /(?<![A-Za-z0-9])(?:bc1|BC1)[a-zA-Z0-9]{8,87}(?![A-Za-z0-9])/g;
export const legacyBtcAddress = /(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,33}(?![A-Za-z0-9])/g;

// A run of digits that may be an account or phone number: digit groups joined by at most two separators.
// Commas and a following currency or unit rule out amounts ('5,000,000원', '3000 USDT').
export const digitRun = /(?<![\w+,.\-/])\+?\(?\d(?:[ \t().-]{0,2}\d)+(?![\w,/]|[.-]\d)/g;
export const amountAfter = /^\s*(?:원|만|천|억|won|krw|usd|usdt|\$|달러|riel|៛|%|명|년|개|회)/i;
export const dateLike = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})$/;

/** '@name' handles; the platform comes from a label just before it, or the context, else Telegram. */
export const handle = /(?<![\w.@/])@([A-Za-z][A-Za-z0-9_]{2,31})(?![\w])/g;

// A messenger id after a label and ':' or 'ID' ("카톡 아이디: abc123", "텔레그램: scam_boss", "LINE ID xyz").
export const labelledMessengerId =
  /(?<![\w])(telegram|텔레그램|텔레|kakao\s*talk|kakao|카카오톡|카톡|wechat|위챗|line|라인)\s*(?:(?:id|아이디)\s*[:：]?|[:：])\s*@?((?=[A-Za-z0-9._-]*[A-Za-z])[A-Za-z0-9._-]{3,32})(?![\w])/gi;

export const passportLabelled =
  /(여권\s*번호|여권|លិខិតឆ្លងដែន|passport\s*(?:no\.?|number|#)?|pp\s*no\.?)\s*[:：#]?\s*((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12})(?![\w])/gi;
export const passportCountryBefore = /(한국|대한민국|korean|south korean|캄보디아|cambodian)\s*(?:인\s*)?$/i;

// Bank names that are ordinary words in Korean or English ('우리' = "we", '하나' = "one", 'prince') count only
// with '은행'/'뱅크'/'bank' after them; the rest are distinctive on their own.
const distinctive = new Set([
  'kb',
  'nh',
  'ibk',
  'kdb',
  'sc제일',
  'kookmin',
  'shinhan',
  'woori',
  'nonghyup',
  'acleda',
  'canadia',
  'aba',
  '농협',
  '신한',
  '수협',
  '신협',
  '새마을금고',
  '우체국',
  'kb국민',
  'nh농협',
  'ibk기업',
  'keb하나',
  '카카오뱅크',
  '토스뱅크',
  '케이뱅크',
  'kakaobank',
  'tossbank',
  'kbank',
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const aliasAlternation = [...new Set(banks.flatMap((b) => b.aliases))]
  .filter((a) => a.length > 1 || a === 'k')
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

/** A bank name in text, e.g. '국민은행', 'KB', 'Shinhan Bank', 'ACLEDA'. Group 1 = alias, group 2 = suffix. */
export const bankMention = new RegExp(
  `(?<![A-Za-z])(${aliasAlternation})(\\s?(?:은행|뱅크|bank))?(?![A-Za-z])`,
  'gi',
);
export const accountLabel =
  /(?:입금\s*)?(?:계좌\s*번호|계좌|통장|គណនី|account\s*(?:no\.?|number|#)?|acct\.?|a\/c)/gi;

export function isBankMention(alias: string, suffix: string | undefined): boolean {
  return Boolean(suffix) || distinctive.has(alias.toLowerCase());
}
