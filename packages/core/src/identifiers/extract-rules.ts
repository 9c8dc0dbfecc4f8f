import { banks } from './banks.ts';

// Patterns for finding identifiers in free text (Korean, Khmer, English). They find candidates only; every
// candidate is then checked by its normaliser.

// Only ASCII after a scheme or 'www.': Korean text runs straight on after a link ("t.me/boss로 연락").
export const schemeUrl = /(?:https?|hxxps?|tg):\/\/[!#-&(-;=?-[\]-~]+|(?<![\w.@-])www\.[!#-&(-;=?-[\]-~]+/gi;
// A host without a scheme; its dots may be defanged ('good-jobs[.]top/apply').
export const bareHost =
  /(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.|\[\.\]|\(\.\)))+(?:com|net|org|info|biz|io|me|co|kr|kh|xyz|top|vip|cc|shop|app|site|online|link|club|live|pro|asia|cn|dev|ly|to|gg|tk)(?:\/[!#-&(-;=?-[\]-~]*)?(?![\w-])/gi;
export const email = /(?<![\w.%+-])[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])/gi;
// An address defanged so it is not clickable: 'name[at]host[.]com', 'name(at)host.com', 'name@host[.]com'.
export const defangedEmail =
  /(?<![\w.%+-])[a-z0-9._%+-]+\s?(?:@|\[\s?(?:at|@)\s?\]|\(\s?(?:at|@)\s?\)|\{\s?(?:at|@)\s?\})\s?(?:[a-z0-9-]+(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\)))+[a-z]{2,}(?![\w-])/gi;
export const ethAddress = /(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])/g;
export const tronAddress = /(?<![A-Za-z0-9])T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])/g;
export const segwitAddress = /(?<![A-Za-z0-9])(?:bc1|BC1)[a-zA-Z0-9]{8,87}(?![A-Za-z0-9])/g;
export const legacyBtcAddress = /(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,33}(?![A-Za-z0-9])/g;

// A run of digits that may be an account or phone number: digit groups joined by at most two separators.
// Commas and a following currency or unit rule out amounts ('5,000,000원', '3000 USDT').
// A comma ends a number unless digits follow it at once ('5,000,000'): '…4567, 국민은행' keeps the whole number.
export const digitRun = /(?<![\w+,.\-/])\+?\(?\d(?:[ \t().-]{0,2}\d)+(?![\w/]|[,.-]\d)/g;
export const amountAfter = /^\s*(?:원|만|천|억|won|krw|usd|usdt|\$|달러|riel|៛|%|명|년|개|회)/i;
export const dateLike = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})$/;

/** '@name' handles; the platform comes from a label just before it, or the context, else Telegram. */
export const handle = /(?<![\w.@/])@([A-Za-z][A-Za-z0-9_]{2,31})(?![\w])/g;

// A messenger id after a label and ':' or 'ID' ("카톡 아이디: abc123", "텔레그램: scam_boss", "LINE ID xyz"). A
// Korean label may stand right before the id ("텔레그램 scam_boss", "카톡 parkvip87"): the id is in Latin letters,
// so the next Korean word is never taken for one; English labels need the ':' or 'ID' ("line the" is no id).
export const labelledMessengerId =
  /(?<![\w])(telegram|텔레그램|텔레|tg|kakao\s*talk|kakao|카카오톡|카톡|wechat|위챗|line|라인)\s*(?:(?:id|아이디)\s*[:：]?|[:：])\s*@?((?=[A-Za-z0-9._-]*[A-Za-z])[A-Za-z0-9._-]{3,32})(?![\w])|(?<![\w가-힣])(텔레그램|텔레|카카오톡|카톡|위챗|라인)\s+((?=[A-Za-z0-9._-]*[A-Za-z])[A-Za-z][A-Za-z0-9._-]{2,31})(?![\w.])/gi;
// A phone number after the name of a messenger whose accounts are phone numbers ("WhatsApp: +855 98 489 708").
export const labelledMessengerPhone =
  /(?<![\w])(whats\s?app|왓츠앱|signal|시그널)\s*(?:[:：]|번호|number|no\.?)?\s*(\+?\(?\d(?:[ \t().-]{0,2}\d){6,16})(?![\w/]|[,.-]\d)/gi;

export const passportLabelled =
  /(여권\s*번호|여권|លិខិតឆ្លងដែន|passport\s*(?:no\.?|number|#)?|pp\s*no\.?)\s*[:：#]?\s*((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12})(?![\w])/gi;
export const passportCountryBefore = /(한국|대한민국|korean|south korean|캄보디아|cambodian)\s*(?:인\s*)?$/i;

// Bank names that are ordinary words in Korean or English ('우리' = "we", '하나' = "one", 'prince') count only
// with '은행'/'뱅크'/'bank' after them; the rest are distinctive on their own.
const distinctive = new Set(
  [
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
    'sathapana',
    'hattha',
    'prasac',
    'kb prasac',
    'chipmong',
    'chip mong',
    'vattanac',
    'amret',
    'lolc',
    'cimb',
    'rhb',
    'bidc',
    'advanced bank of asia',
    'shinhan cambodia',
    'shinhan bank cambodia',
    'woori cambodia',
    'woori bank cambodia',
    'maybank cambodia',
    'foreign trade bank',
    'foreign trade bank of cambodia',
    'cambodia post bank',
    'sbi ly hour',
    '지역농협',
    '단위농협',
    '축협',
    '산림조합',
    '저축은행',
    'kb증권',
    '미래에셋증권',
    '삼성증권',
    '한국투자증권',
    'nh투자증권',
    '대신증권',
    '토스증권',
    '신한투자증권',
    '카카오페이증권',
    '유안타증권',
    '아클레다',
    '캐나디아',
    '사타파나',
    '프라삭',
  ].map((alias) => alias.replace(/\s+/g, '')),
);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A space inside a written name ('Advanced Bank of Asia', 'KB PRASAC') may be left out or doubled.
const aliasAlternation = [...new Set(banks.flatMap((b) => b.aliases))]
  .filter((a) => a.length > 1 || a === 'k')
  .sort((a, b) => b.length - a.length)
  .map((a) => escapeRegExp(a).replace(/ /g, '\\s*'))
  .join('|');

/** A bank name in text, e.g. '국민은행', 'KB', 'Shinhan Bank', 'ACLEDA'. Group 1 = alias, group 2 = suffix. */
export const bankMention = new RegExp(
  `(?<![A-Za-z])(${aliasAlternation})(\\s?(?:은행|뱅크|bank))?(?![A-Za-z])`,
  'gi',
);
/** The holder's name in brackets beside an account number: '(예금주 SOK DARA)', '(name: …)'. */
export const holderInBrackets =
  /[(（[]\s*(?:예금주|명의|수취인|받는\s*분|holder|a\/c\s*name|account\s*name|name)[^)）\]\n]*[)）\]]/gi;
export const accountLabel =
  /(?:입금\s*)?(?:계좌\s*번호|계좌|통장|គណនី|account\s*(?:no\.?|number|#)?|acct\.?|a\/c)/gi;

/** A bank name that counts wherever it stands before a number (an ordinary word needs 은행/bank after it). */
export function isBankMention(alias: string, suffix: string | undefined): boolean {
  return Boolean(suffix) || distinctive.has(alias.toLowerCase().replace(/\s+/g, ''));
}
