import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './extract.ts';

const koreanRansom = [
  '[긴급] 아드님 김민준씨를 데리고 있습니다. 2025-10-15까지 5,000,000원을 국민은행 123-45-678901 (예금주 박서준)으로',
  '보내거나 USDT(TRC20) 주소 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t 로 보내세요. 연락은 텔레그램 @Scam_Boss88 또는',
  '카톡 아이디: hanbok77 으로만. 경찰에 알리면 끝입니다. 010-9876-5432로 전화하지 마세요. 아들 여권번호 M12345678',
  '입니다. 단톡방 https://t.me/+AbCdEfGh123 또는 open.kakao.com/o/sAbC123x 에서 기다립니다. 재촉: 010 9876 5432',
].join('\n');

const englishComplaint = [
  'My son went to Cambodia for a "customer service" job advertised at',
  "https://www.good-jobs-asia.com/apply?utm_source=facebook&id=42. The recruiter's WhatsApp was wa.me/85512345678",
  'and email Recruit.HR@gmail.com. He called from +855 96 123 4567 on 3 Nov 2025 (case 2025-1103). I paid USD 3,000',
  'to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed and 0.05 BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.',
  'Then they asked for 2,000,000 KRW to KB 123456-01-234567. His Korean passport no: M123A4567.',
].join('\n');

const khmerMessage = [
  'សួស្តី ខ្ញុំត្រូវបានគេបោកប្រាស់។ លេខទូរស័ព្ទ ០១២ ៣៤៥ ៦៧៨ និង 0855 97 765 4321 ។',
  'គណនី ABA 000 123 456 ។ Telegram @kh_helper99 ។ USDT TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u',
].join('\n');

function summary(text: string, defaultCountry?: string) {
  return extractIdentifiers(text, { defaultCountry }).map(({ identifier, start, end }) => {
    expect(text.slice(start, end)).toBe(identifier.raw);
    return [identifier.kind, identifier.value, identifier.valid];
  });
}

describe('extractIdentifiers', () => {
  it('finds every identifier in a Korean ransom message, once each, and no amounts or dates', () => {
    expect(summary(koreanRansom, 'KR')).toEqual([
      ['bank_account', 'bank:004:12345678901', true],
      ['crypto_wallet', 'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', true],
      ['messenger', 'telegram:scam_boss88', true],
      ['messenger', 'kakaotalk:hanbok77', true],
      ['phone', '+821098765432', true],
      ['passport', 'XX:M12345678', true],
      ['messenger', 'telegram:+AbCdEfGh123', true],
      ['messenger', 'kakaotalk:open/sAbC123x', true],
    ]);
  });

  it('finds every identifier in an English complaint', () => {
    expect(summary(englishComplaint)).toEqual([
      ['url', 'https://www.good-jobs-asia.com/apply?id=42', true],
      ['messenger', 'whatsapp:+85512345678', true],
      ['email', 'recruit.hr@gmail.com', true],
      ['phone', '+855961234567', true],
      ['crypto_wallet', 'eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', true],
      ['crypto_wallet', 'btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', true],
      ['bank_account', 'bank:004:12345601234567', true],
      ['passport', 'KR:M123A4567', true],
    ]);
  });

  it('finds identifiers in Khmer text, reading Khmer digits, and keeps a mistyped wallet flagged', () => {
    expect(summary(khmerMessage, 'KH')).toEqual([
      ['phone', '+85512345678', true],
      ['phone', '+855977654321', true],
      ['bank_account', 'bank:KH-ABA:000123456', true],
      ['messenger', 'telegram:kh_helper99', true],
      ['crypto_wallet', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', false],
    ]);
    const wallet = extractIdentifiers(khmerMessage).at(-1)?.identifier;
    expect(wallet?.problem).toBe('TRON address checksum does not match');
  });

  it('keeps the Khmer digits of a phone as entered in raw', () => {
    expect(extractIdentifiers('លេខ ០១២ ៣៤៥ ៦៧៨', { defaultCountry: 'KH' })[0]?.identifier.raw).toBe(
      '០១២ ៣៤៥ ៦៧៨',
    );
  });

  it('separates two phone numbers written one after the other', () => {
    const found = extractIdentifiers('010-1111-2222 010-3333-4444', { defaultCountry: 'KR' });
    expect(found.map((f) => f.identifier.value)).toEqual(['+821011112222', '+821033334444']);
  });

  it('does not read amounts, dates or parts of longer digit runs as phones', () => {
    const text = '5,000,000원 and 01012345678901234567 on 2025.10.15, ref 20251015, 010-1234-5678원';
    expect(extractIdentifiers(text, { defaultCountry: 'KR' })).toEqual([]);
  });

  it('reads a number labelled as an account as an account, not a phone', () => {
    const found = extractIdentifiers('입금 계좌: 신한 110-123-456789', { defaultCountry: 'KR' });
    expect(found.map((f) => f.identifier.value)).toEqual(['bank:088:110123456789']);
  });

  it('does not take an ordinary Korean word for a bank ("우리 아들" is "our son")', () => {
    const found = extractIdentifiers('우리 아들 010-1234-5678', { defaultCountry: 'KR' });
    expect(found.map((f) => f.identifier.kind)).toEqual(['phone']);
  });

  it('takes a phone followed by a comma whole, and an account followed by a comma at all (the paste bug)', () => {
    // Pasted on a case page, "+855 88 123 4567" was cut to "+85588123" and the account missed: the comma after
    // each was read as the thousands separator of an amount.
    const pasted = '피의자 연락처 +855 88 123 4567, 국민은행 123-45-678901, 예금주 홍길동';
    expect(summary(pasted, 'KR')).toEqual([
      ['phone', '+855881234567', true],
      ['bank_account', 'bank:004:12345678901', true],
    ]);
  });

  it('reads numbers pasted with no-break spaces and typographic dashes as if typed', () => {
    expect(summary('+855\u00a088\u00a0123\u00a04567 / 국민은행 123‑45‑678901 / 010–1234–5678', 'KR')).toEqual(
      [
        ['phone', '+855881234567', true],
        ['bank_account', 'bank:004:12345678901', true],
        ['phone', '+821012345678', true],
      ],
    );
  });

  it.each([
    ['Hana 123-456789-01234', 'bank:081:12345678901234'],
    ['ABA 000 123 456', 'bank:KH-ABA:000123456'],
    ['Shinhan 110-123-456789', 'bank:088:110123456789'],
    ['송금: 국민 151462-62-463587', 'bank:004:15146262463587'],
    ['Wing 계좌 7018-2451', 'bank:KH-WING:70182451'],
    ['하나은행(예금주 SOK DARA) 677-486973-35716', 'bank:081:67748697335716'],
    ['paid to Advanced Bank of Asia 485 277 100 (name: SOK DARA)', 'bank:KH-ABA:485277100'],
    ['Sathapana 0001-2345-6789', 'bank:KH-SATHAPANA:000123456789'],
    ['Shinhan Bank Cambodia 1234-5678-9012', 'bank:KH-SHINHAN:123456789012'],
  ])('finds the account after the bank name in %s', (text, value) => {
    expect(summary(`입금처 ${text} 입니다`, 'KR')).toEqual([['bank_account', value, true]]);
  });

  it('takes a phone after an ordinary word that is also a bank name for a phone ("우리 010-…")', () => {
    expect(summary('우리 010-1234-5678', 'KR')).toEqual([['phone', '+821012345678', true]]);
  });

  it('finds a handle written with no platform and says Telegram was assumed', () => {
    const [found] = extractIdentifiers('연락처 @scam_boss 로 연락');
    expect(found?.identifier).toMatchObject({
      value: 'telegram:scam_boss',
      details: { platform: 'telegram', platformAssumed: 'true' },
    });
    const [labelled] = extractIdentifiers('Telegram @scam_boss');
    expect(labelled?.identifier.details).not.toHaveProperty('platformAssumed');
  });

  it('finds ids after a Korean messenger label with no colon, and a WhatsApp number after its label', () => {
    expect(summary('텔레그램 park_vip87 / 카톡 parkvip87 / WhatsApp: +855 98 489 708')).toEqual([
      ['messenger', 'telegram:park_vip87', true],
      ['messenger', 'kakaotalk:parkvip87', true],
      ['messenger', 'whatsapp:+85598489708', true],
    ]);
    expect(summary('please line the boxes up')).toEqual([]);
  });

  it('finds defanged emails and links, full-width text and Telegram app links', () => {
    expect(
      summary(
        'mail kim.hr[at]gmail[.]com, kim.hr(at)naver.com or ｌｅｅ＠ｄａｕｍ．ｎｅｔ; see easy-loan7[.]top/login?id=3&utm_source=fb or tg://resolve?domain=park_vip87',
      ),
    ).toEqual([
      ['email', 'kim.hr@gmail.com', true],
      ['email', 'kim.hr@naver.com', true],
      ['email', 'lee@daum.net', true],
      ['url', 'https://easy-loan7.top/login?id=3', true],
      ['messenger', 'telegram:park_vip87', true],
    ]);
  });

  it('keeps a number the phone library cannot verify, flagged, by its digits', () => {
    const [found] = extractIdentifiers('사무실 023 508 208 로 전화', { defaultCountry: 'KH' });
    expect(found?.identifier).toMatchObject({
      valid: false,
      value: '+85523508208',
      details: { key: 'digits' },
    });
  });

  it('finds a phone whole wherever it stands in a sentence, whatever punctuation follows', () => {
    const national = fc
      .stringMatching(/^[2-9]\d{3}$/)
      .chain((a) => fc.stringMatching(/^\d{4}$/).map((b) => [a, b] as const));
    const written = fc.constantFrom(
      ([a, b]: readonly [string, string]) => `010-${a}-${b}`,
      ([a, b]: readonly [string, string]) => `+82 10 ${a} ${b}`,
      ([a, b]: readonly [string, string]) => `(+82) 10-${a}-${b}`,
      ([a, b]: readonly [string, string]) => `010\u00a0${a}\u00a0${b}`,
    );
    const after = fc.constantFrom(',', '.', ', 확인', '로 연락', ')', ';', '!', ' 입니다', '\n다음');
    const before = fc.constantFrom('', '연락처 ', 'call ', '(', '피의자: ');
    fc.assert(
      fc.property(national, written, before, after, (parts, write, lead, tail) => {
        const phone = write(parts);
        const found = extractIdentifiers(`${lead}${phone}${tail}`, { defaultCountry: 'KR' });
        expect(found.map((f) => f.identifier.value)).toEqual([`+8210${parts[0]}${parts[1]}`]);
      }),
    );
  });

  it('never throws on arbitrary text and every span matches its raw text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        for (const { identifier, start, end } of extractIdentifiers(text)) {
          expect(text.slice(start, end)).toBe(identifier.raw);
        }
      }),
      { numRuns: 300 },
    );
  });
});
