import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bech32, createBase58check, hex } from '@scure/base';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import type { IdentifierContext, IdentifierKind } from '../../../../packages/core/src/identifiers/index.ts';

/**
 * The labelled identifier set: each base is one real-world identifier (a phone, an account, a wallet…), written
 * in the ways KNPA and CNP officers write it. Every form of one base must give one correlation key; no two bases
 * may share one. Some bases are look-alikes of another (a digit off, another bank, another chain, another
 * platform) and exist to catch false merges. Generated from a fixed seed, so every run measures the same set.
 */
export interface WrittenForm {
  /** The text as the officer wrote it. */
  raw: string;
  /** Which agency recorded it: its country is the default for numbers written without a country code. */
  agency: 'KNPA' | 'CNP';
  /** What the entity form adds beside the text (the chain, platform or bank field). */
  qualifier?: Pick<IdentifierContext, 'chain' | 'platform' | 'bank'>;
  /** False when the text needs its qualifier to be read (a bare KakaoTalk ID): not pasted nor guessed. */
  standsAlone: boolean;
  /** A short name of the way of writing, for the misses listed on standard error. */
  style: string;
}

export interface IdentifierBase {
  id: string;
  /** The kind measured; 'phone' bases the phone library cannot verify are measured as 'phone (unverified)'. */
  kind: IdentifierKind;
  group: string;
  /** The base this one is made to look like (and must not merge with). */
  lookalikeOf?: string;
  forms: WrittenForm[];
}

export const agencyCountry = { KNPA: 'KR', CNP: 'KH' } as const;

function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    int,
    pick: <T>(values: readonly T[]): T => values[int(values.length)] as T,
    digits: (count: number) => Array.from({ length: count }, () => String(int(10))).join(''),
    bytes: (count: number) => Uint8Array.from({ length: count }, () => int(256)),
  };
}
type Random = ReturnType<typeof seeded>;

const both = (raw: string, style: string): WrittenForm[] => [
  { raw, agency: 'KNPA', standsAlone: true, style },
  { raw, agency: 'CNP', standsAlone: true, style },
];
const by = (agency: 'KNPA' | 'CNP', raw: string, style: string): WrittenForm => ({
  raw,
  agency,
  standsAlone: true,
  style,
});
const fullWidth = (text: string) =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const khmerDigits = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));

// ---- phones -------------------------------------------------------------------------------------------------

interface PhoneNumberParts {
  code: '82' | '855';
  /** The national significant number split as people group it ('97', '123', '4567'); trunk 0 not included. */
  groups: string[];
}

const khMobilePrefixes = ['12', '17', '92', '96', '97', '98', '10', '15', '16', '70', '77', '78', '88', '38'];

function validParts(parts: PhoneNumberParts): boolean {
  return isValidPhoneNumber(`+${parts.code}${parts.groups.join('')}`);
}

function randomPhone(random: Random, group: string): PhoneNumberParts {
  for (;;) {
    const parts: PhoneNumberParts =
      group === 'KR mobile'
        ? { code: '82', groups: ['10', `${2 + random.int(8)}${random.digits(3)}`, random.digits(4)] }
        : group === 'KR Seoul line'
          ? { code: '82', groups: ['2', `${2 + random.int(8)}${random.digits(2)}`, random.digits(4)] }
          : group === 'KH mobile'
            ? {
                code: '855',
                groups: [
                  random.pick(khMobilePrefixes),
                  `${1 + random.int(9)}${random.digits(2)}`,
                  random.digits(3),
                ],
              }
            : { code: '855', groups: ['23', `${1 + random.int(9)}${random.digits(2)}`, random.digits(3)] };
    if (group === 'KH landline (unverified)' ? !validParts(parts) : validParts(parts)) return parts;
  }
}

function phoneForms(parts: PhoneNumberParts): WrittenForm[] {
  const [a = '', b = '', c = ''] = parts.groups;
  const national = `0${a}`;
  const home = parts.code === '82' ? 'KNPA' : 'CNP';
  const abroad = parts.code === '82' ? 'CNP' : 'KNPA';
  const plus = `+${parts.code}`;
  return [
    ...both(`${plus} ${a} ${b} ${c}`, 'international, spaces'),
    ...both(`${plus}-${a}-${b}-${c}`, 'international, dashes'),
    ...both(`${plus}${a}${b}${c}`, 'E.164'),
    ...both(`(${plus}) ${a}-${b}-${c}`, '(+code) and dashes'),
    ...both(`${plus} (0)${a} ${b} ${c}`, '+code (0)'),
    ...both(`${plus} ${national} ${b} ${c}`, '+code with the trunk 0'),
    ...both(`00${parts.code} ${a} ${b} ${c}`, '00 code'),
    ...both(`0${parts.code} ${a} ${b}${c}`, 'doubled 0 before the code'),
    ...both(`${parts.code} ${a} ${b} ${c}`, 'code without +'),
    ...both(`Tel: ${plus} ${a} ${b} ${c}`, 'Tel: label'),
    by(abroad, fullWidth(`${plus} ${a} ${b} ${c}`), 'full-width'),
    by(home, `${national} ${b} ${c}`, 'national, spaces'),
    by(home, `${national}-${b}-${c}`, 'national, dashes'),
    by(home, `${national}${b}${c}`, 'national, no separators'),
    by(home, `${national}.${b}.${c}`, 'national, dots'),
    home === 'CNP'
      ? by('CNP', khmerDigits(`${national} ${b} ${c}`), 'national, Khmer digits')
      : by('KNPA', `휴대폰: ${national}-${b}-${c}`, '휴대폰: label'),
  ];
}

function lookalikePhone(parts: PhoneNumberParts, random: Random, kind: 'digit' | 'swap'): PhoneNumberParts {
  for (;;) {
    const groups = [...parts.groups];
    const g = 1 + random.int(groups.length - 1);
    const digits = [...(groups[g] ?? '')];
    const at = random.int(digits.length);
    if (kind === 'digit') digits[at] = String((Number(digits[at]) + 1 + random.int(9)) % 10);
    else if (at + 1 < digits.length) [digits[at], digits[at + 1]] = [digits[at + 1] ?? '', digits[at] ?? ''];
    groups[g] = digits.join('');
    const next = { ...parts, groups };
    if (groups.join('') !== parts.groups.join('') && validParts(next) === validParts(parts)) return next;
  }
}

// ---- bank accounts ------------------------------------------------------------------------------------------

interface BankSpec {
  code: string;
  spellings: string[];
  /** Digit-group lengths of the bank's account numbers. */
  shape: number[];
}

const bankSpecs: BankSpec[] = [
  {
    code: '004',
    spellings: ['국민은행', 'KB국민은행', 'KB', 'Kookmin Bank', 'KB Kookmin', '국민', 'KB 국민은행'],
    shape: [6, 2, 6],
  },
  { code: '088', spellings: ['신한은행', '신한', 'Shinhan Bank', 'SHINHAN'], shape: [3, 3, 6] },
  { code: '081', spellings: ['하나은행', 'KEB하나은행', 'Hana', 'Hana Bank'], shape: [3, 6, 5] },
  { code: '020', spellings: ['우리은행', 'Woori Bank', 'Woori'], shape: [4, 3, 6] },
  { code: '011', spellings: ['농협', 'NH농협', 'NongHyup', 'NH', '농협은행'], shape: [3, 4, 4, 2] },
  { code: '090', spellings: ['카카오뱅크', 'Kakao Bank', 'KakaoBank'], shape: [4, 2, 7] },
  { code: 'KH-ABA', spellings: ['ABA', 'ABA Bank', 'Advanced Bank of Asia'], shape: [3, 3, 3] },
  { code: 'KH-ACLEDA', spellings: ['ACLEDA', 'ACLEDA Bank', '아클레다'], shape: [4, 2, 6, 2] },
  { code: 'KH-WING', spellings: ['Wing', 'Wing Bank'], shape: [4, 4] },
];

const holders = ['홍길동', '박서준', '김민준', 'SOK DARA', '이지은'];

/** The digits in the bank's groups; a look-alike's digits of another length fill them, the rest in the last. */
function grouped(digits: string, shape: number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const [i, length] of shape.entries()) {
    parts.push(i === shape.length - 1 ? digits.slice(at) : digits.slice(at, at + length));
    at += length;
  }
  return parts.filter((part) => part !== '').join(separator);
}

function bankForms(bank: BankSpec, digits: string, random: Random): WrittenForm[] {
  const dashed = grouped(digits, bank.shape, '-');
  const spaced = grouped(digits, bank.shape, ' ');
  const holder = random.pick(holders);
  const forms: WrittenForm[] = [];
  for (const spelling of bank.spellings) {
    forms.push(
      {
        raw: dashed,
        agency: 'KNPA',
        qualifier: { bank: spelling },
        standsAlone: false,
        style: 'entity: bank field',
      },
      ...both(`${spelling} ${dashed}`, 'bank name, dashes'),
      ...both(`${spelling}: ${digits}`, 'bank name: digits'),
    );
  }
  const first = bank.spellings[0] ?? '';
  const last = bank.spellings.at(-1) ?? '';
  forms.push(
    {
      raw: spaced,
      agency: 'CNP',
      qualifier: { bank: last },
      standsAlone: false,
      style: 'entity: bank field',
    },
    ...both(`${first} 계좌 ${dashed}`, 'bank 계좌 number'),
    ...both(`${first}(예금주 ${holder}) ${dashed}`, 'bank (holder) number'),
    ...both(`${last} ${spaced} (예금주: ${holder})`, 'bank number (holder)'),
    ...both(`${last} acct no. ${dashed}`, 'bank acct no.'),
    ...both(`bank:${bank.code}:${digits}`, 'value form'),
  );
  return forms;
}

// ---- wallets --------------------------------------------------------------------------------------------------

const base58check = createBase58check(sha256);

// An EIP-55 written here from the specification, so the set does not trust the code it measures.
function eip55(bytes: Uint8Array): string {
  const lower = hex.encode(bytes);
  const hash = hex.encode(keccak_256(new TextEncoder().encode(lower)));
  return `0x${[...lower].map((ch, i) => (Number.parseInt(hash[i] ?? '0', 16) >= 8 ? ch.toUpperCase() : ch)).join('')}`;
}

function tronForms(address: string): WrittenForm[] {
  return [
    ...both(address, 'bare'),
    ...both(`USDT(TRC20): ${address}`, 'USDT(TRC20): label'),
    ...both(`USDT-TRC20 ${address}`, 'USDT-TRC20 label'),
    ...both(`TRX ${address}`, 'TRX label'),
    ...both(`TRC20 주소: ${address}`, 'TRC20 주소: label'),
    ...both(`USDT (TRC-20) ${address}`, 'USDT (TRC-20) label'),
    ...both(`tron:${address}`, 'value form'),
    {
      raw: address,
      agency: 'KNPA',
      qualifier: { chain: 'tron' },
      standsAlone: true,
      style: 'entity: chain tron',
    },
    {
      raw: `USDT(TRC20): ${address}`,
      agency: 'CNP',
      qualifier: { chain: 'TRC20' },
      standsAlone: true,
      style: 'entity: chain TRC20, labelled address',
    },
  ];
}

function ethForms(bytes: Uint8Array): WrittenForm[] {
  const checksummed = eip55(bytes);
  const lower = checksummed.toLowerCase();
  return [
    ...both(checksummed, 'EIP-55'),
    ...both(lower, 'lower case'),
    ...both(`0x${lower.slice(2).toUpperCase()}`, 'upper-case hex'),
    ...both(`ERC20: ${checksummed}`, 'ERC20: label'),
    ...both(`USDT-ERC20 ${lower}`, 'USDT-ERC20 label'),
    ...both(`ETH: ${checksummed}`, 'ETH: label'),
    ...both(`이더리움 지갑 ${checksummed}`, '이더리움 지갑 label'),
    ...both(`eth:${lower}`, 'value form'),
    {
      raw: lower,
      agency: 'KNPA',
      qualifier: { chain: 'ethereum' },
      standsAlone: true,
      style: 'entity: chain',
    },
  ];
}

function btcSegwitForms(address: string): WrittenForm[] {
  return [
    ...both(address, 'bech32'),
    ...both(address.toUpperCase(), 'bech32 upper case'),
    ...both(`BTC: ${address}`, 'BTC: label'),
    ...both(`bitcoin:${address}`, 'bitcoin: URI'),
    ...both(`bitcoin:${address}?amount=0.05`, 'bitcoin: URI with amount'),
    ...both(`비트코인 ${address}`, '비트코인 label'),
    {
      raw: address,
      agency: 'CNP',
      qualifier: { chain: 'bitcoin' },
      standsAlone: true,
      style: 'entity: chain',
    },
  ];
}

function btcLegacyForms(address: string): WrittenForm[] {
  return [
    ...both(address, 'base58'),
    ...both(`BTC ${address}`, 'BTC label'),
    ...both(`bitcoin:${address}`, 'bitcoin: URI'),
    { raw: address, agency: 'KNPA', qualifier: { chain: 'BTC' }, standsAlone: true, style: 'entity: chain' },
  ];
}

// ---- emails, links, messenger accounts ---------------------------------------------------------------------

const words = [
  'recruit',
  'job',
  'kim',
  'park',
  'sokha',
  'dara',
  'hr',
  'boss',
  'asia',
  'king',
  'lucky',
  'vip',
];
const mailDomains = ['gmail.com', 'naver.com', 'outlook.com', 'daum.net', 'yahoo.com', 'proton.me'];

function localPart(random: Random): string {
  return `${random.pick(words)}${random.pick(['.', '_', ''])}${random.pick(words)}${random.int(100)}`;
}

function emailForms(local: string, domain: string): WrittenForm[] {
  const [host = '', tld = ''] = domain.split(/\.(?=[^.]+$)/);
  const address = `${local}@${domain}`;
  return [
    ...both(address, 'as is'),
    ...both(`${local[0]?.toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`, 'capitals'),
    ...both(`mailto:${address}`, 'mailto:'),
    ...both(`<${address}>`, '<address>'),
    ...both(`${local}[at]${host}[.]${tld}`, 'defanged [at] [.]'),
    ...both(`${local}(at)${domain}`, 'defanged (at)'),
    ...both(`${local}@${host}[.]${tld}`, 'defanged [.]'),
    by('KNPA', fullWidth(address), 'full-width'),
  ];
}

const siteWords = [
  'good-jobs',
  'asia-work',
  'lucky-casino',
  'kh-invest',
  'easy-loan',
  'vip-trade',
  'coin-pro',
];
const siteTlds = ['com', 'net', 'xyz', 'top', 'vip', 'site', 'online'];
const paths = ['apply', 'login', 'register', 'invest/start', 'event'];

function urlForms(host: string, path: string, query: string): WrittenForm[] {
  const [name = '', tld = ''] = host.split(/\.(?=[^.]+$)/);
  const url = `https://${host}/${path}?${query}`;
  return [
    ...both(url, 'as is'),
    ...both(`hxxps://${name}[.]${tld}/${path}?${query}`, 'defanged hxxps [.]'),
    ...both(`${host}/${path}?${query}`, 'no scheme'),
    ...both(`${name}[.]${tld}/${path}?${query}&utm_source=facebook&utm_medium=cpc`, 'defanged, utm_'),
    ...both(`HTTPS://${host.toUpperCase()}/${path}/?${query}`, 'capital host, trailing slash'),
    ...both(`https://${host}/${path}?fbclid=IwAR0x9ZkQ&${query}`, 'fbclid'),
    ...both(`https://${host}:443/${path}?${query}#form`, 'default port, fragment'),
    ...both(`<${url}>`, '<url>'),
  ];
}

function telegramForms(name: string): WrittenForm[] {
  const shown = name.replace(/^./, (c) => c.toUpperCase());
  return [
    ...both(`@${shown}`, '@handle'),
    ...both(`t.me/${name}`, 't.me/'),
    ...both(`https://t.me/${shown}`, 'https://t.me/'),
    ...both(`telegram.me/${name}`, 'telegram.me/'),
    ...both(`Telegram: ${name}`, 'Telegram: label'),
    ...both(`텔레그램 @${shown}`, '텔레그램 @handle'),
    ...both(`텔레그램 ${name}`, '텔레그램 handle'),
    ...both(`TG: @${name}`, 'TG: label'),
    ...both(`tg://resolve?domain=${name}`, 'tg://resolve'),
    {
      raw: shown,
      agency: 'KNPA',
      qualifier: { platform: 'telegram' },
      standsAlone: false,
      style: 'entity: platform',
    },
    {
      raw: `@${name}`,
      agency: 'CNP',
      qualifier: { platform: 'telegram' },
      standsAlone: true,
      style: 'entity: @',
    },
  ];
}

function kakaoForms(id: string): WrittenForm[] {
  return [
    {
      raw: id,
      agency: 'KNPA',
      qualifier: { platform: 'kakaotalk' },
      standsAlone: false,
      style: 'entity: platform',
    },
    ...both(`카톡 아이디: ${id}`, '카톡 아이디:'),
    ...both(`카카오톡 ID: ${id.toUpperCase()}`, '카카오톡 ID: capitals'),
    ...both(`kakao: ${id}`, 'kakao:'),
    ...both(`카톡 ${id}`, '카톡 id'),
  ];
}

function lineForms(id: string): WrittenForm[] {
  return [
    {
      raw: id,
      agency: 'CNP',
      qualifier: { platform: 'line' },
      standsAlone: false,
      style: 'entity: platform',
    },
    ...both(`line.me/ti/p/~${id}`, 'line.me/ti/p/~'),
    ...both(`LINE ID: ${id}`, 'LINE ID:'),
  ];
}

function whatsappForms(parts: PhoneNumberParts): WrittenForm[] {
  const [a = '', b = '', c = ''] = parts.groups;
  const digits = `${parts.code}${a}${b}${c}`;
  return [
    ...both(`wa.me/${digits}`, 'wa.me/'),
    ...both(`https://api.whatsapp.com/send?phone=${digits}`, 'api.whatsapp.com'),
    ...both(`WhatsApp: +${parts.code} ${a} ${b} ${c}`, 'WhatsApp: label'),
    {
      raw: `+${parts.code} ${a} ${b} ${c}`,
      agency: 'KNPA',
      qualifier: { platform: 'whatsapp' },
      standsAlone: false,
      style: 'entity: platform, international',
    },
    {
      raw: `0${a} ${b} ${c}`,
      agency: parts.code === '855' ? 'CNP' : 'KNPA',
      qualifier: { platform: 'whatsapp' },
      standsAlone: false,
      style: 'entity: platform, national',
    },
  ];
}

function oneCharOff(text: string, random: Random, alphabet: string): string {
  for (;;) {
    const at = random.int(text.length);
    const ch = random.pick([...alphabet]);
    if (ch !== text[at]) return `${text.slice(0, at)}${ch}${text.slice(at + 1)}`;
  }
}

/** The whole labelled set; `scale` multiplies the number of bases per group. */
export function identifierSet(scale = 1, seed = 20_260_514): IdentifierBase[] {
  const random = seeded(seed);
  const bases: IdentifierBase[] = [];
  const add = (base: Omit<IdentifierBase, 'id'> & { id?: string }) => {
    const id = base.id ?? `${base.group}#${bases.length}`;
    bases.push({ ...base, id });
    return id;
  };
  const n = (count: number) => Math.max(1, Math.round(count * scale));

  for (const group of ['KR mobile', 'KR Seoul line', 'KH mobile', 'KH landline (unverified)']) {
    for (let i = 0; i < n(group.startsWith('KR S') || group.includes('unverified') ? 15 : 30); i++) {
      const parts = randomPhone(random, group);
      const id = add({ kind: 'phone', group, forms: phoneForms(parts) });
      for (const kind of ['digit', 'swap'] as const) {
        add({
          kind: 'phone',
          group,
          lookalikeOf: id,
          forms: phoneForms(lookalikePhone(parts, random, kind)),
        });
      }
    }
  }

  for (const bank of bankSpecs) {
    for (let i = 0; i < n(6); i++) {
      const digits = random.digits(bank.shape.reduce((sum, l) => sum + l, 0));
      const id = add({ kind: 'bank_account', group: 'bank account', forms: bankForms(bank, digits, random) });
      const other = random.pick(
        bankSpecs.filter((b) => b.code !== bank.code && b.shape.join() === bank.shape.join()),
      );
      const otherBank = other ?? random.pick(bankSpecs.filter((b) => b.code !== bank.code));
      add({
        kind: 'bank_account',
        group: 'bank account',
        lookalikeOf: id,
        forms: bankForms(otherBank, digits, random),
      });
      add({
        kind: 'bank_account',
        group: 'bank account',
        lookalikeOf: id,
        forms: bankForms(bank, oneCharOff(digits, random, '0123456789'), random),
      });
    }
  }

  for (let i = 0; i < n(20); i++) {
    const account = random.bytes(20);
    const tron = base58check.encode(Uint8Array.of(0x41, ...account));
    const tronId = add({ kind: 'crypto_wallet', group: 'TRON', forms: tronForms(tron) });
    // The same 20-byte account on Ethereum is another address on another chain.
    add({ kind: 'crypto_wallet', group: 'Ethereum', lookalikeOf: tronId, forms: ethForms(account) });
    const near = Uint8Array.from(account);
    const flipped = random.int(20);
    near[flipped] = (near[flipped] ?? 0) ^ (1 << random.int(8));
    add({ kind: 'crypto_wallet', group: 'Ethereum', lookalikeOf: tronId, forms: ethForms(near) });
    const segwit = bech32.encode('bc', [0, ...bech32.toWords(account)]);
    add({
      kind: 'crypto_wallet',
      group: 'Bitcoin bech32',
      lookalikeOf: tronId,
      forms: btcSegwitForms(segwit),
    });
    const legacy = base58check.encode(Uint8Array.of(0x00, ...account));
    add({
      kind: 'crypto_wallet',
      group: 'Bitcoin legacy',
      lookalikeOf: tronId,
      forms: btcLegacyForms(legacy),
    });
  }

  for (let i = 0; i < n(20); i++) {
    const local = localPart(random);
    const domain = random.pick(mailDomains);
    const id = add({ kind: 'email', group: 'email', forms: emailForms(local, domain) });
    add({ kind: 'email', group: 'email', lookalikeOf: id, forms: emailForms(`${local}1`, domain) });
    const otherDomain = random.pick(mailDomains.filter((d) => d !== domain));
    add({ kind: 'email', group: 'email', lookalikeOf: id, forms: emailForms(local, otherDomain) });
  }

  for (let i = 0; i < n(20); i++) {
    const name = `${random.pick(siteWords)}${random.int(1000)}`;
    const tld = random.pick(siteTlds);
    const path = random.pick(paths);
    const query = `id=${random.int(10_000)}`;
    const id = add({ kind: 'url', group: 'url', forms: urlForms(`${name}.${tld}`, path, query) });
    const otherTld = random.pick(siteTlds.filter((t) => t !== tld));
    add({ kind: 'url', group: 'url', lookalikeOf: id, forms: urlForms(`${name}.${otherTld}`, path, query) });
    add({
      kind: 'url',
      group: 'url',
      lookalikeOf: id,
      forms: urlForms(`${name}.${tld}`, path, `id=${random.int(10_000)}1`),
    });
  }

  for (let i = 0; i < n(20); i++) {
    const name = `${random.pick(words)}_${random.pick(words)}${random.int(100)}`;
    const id = add({ kind: 'messenger', group: 'Telegram', forms: telegramForms(name) });
    add({ kind: 'messenger', group: 'Telegram', lookalikeOf: id, forms: telegramForms(`${name}x`) });
    // The same name on KakaoTalk is another person's account.
    add({ kind: 'messenger', group: 'KakaoTalk', lookalikeOf: id, forms: kakaoForms(name.replace('_', '')) });
    const kakao = `${random.pick(words)}${random.int(1000)}`;
    const kakaoId = add({ kind: 'messenger', group: 'KakaoTalk', forms: kakaoForms(kakao) });
    add({ kind: 'messenger', group: 'LINE', lookalikeOf: kakaoId, forms: lineForms(kakao) });
    const phone = randomPhone(random, random.pick(['KR mobile', 'KH mobile']));
    const wa = add({ kind: 'messenger', group: 'WhatsApp', forms: whatsappForms(phone) });
    add({
      kind: 'messenger',
      group: 'WhatsApp',
      lookalikeOf: wa,
      forms: whatsappForms(lookalikePhone(phone, random, 'digit')),
    });
  }
  return bases;
}

/** Sentences an identifier is pasted in: punctuation and particles right after it, in Korean, English and Khmer. */
export const sentences: readonly ((identifier: string) => string)[] = [
  (x) => `피의자 연락처 ${x}, 확인 바랍니다.`,
  (x) => `Suspect used ${x}. Then stopped answering.`,
  (x) => `입금처는\n${x}\n입니다`,
  (x) => `Victim paid (${x}) on 3 Nov 2025`,
  (x) => `លេខ ${x} ។`,
  (x) => `피해자는 ${x}로 연락함`,
];
