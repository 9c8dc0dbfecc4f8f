import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIdentifierKind, normaliseAnyIdentifier, normaliseIdentifier } from './normalise.ts';
import { identifierKinds, normalisedIdentifierSchema } from './types.ts';

describe('detectIdentifierKind', () => {
  it.each([
    ['+855 12 345 678', 'phone'],
    ['010-1234-5678', 'phone'],
    ['boss@example.com', 'email'],
    ['국민은행 123-45-678901', 'bank_account'],
    ['bank:004:12345678901', 'bank_account'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto_wallet'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'crypto_wallet'],
    ['tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto_wallet'],
    ['https://example.com/a', 'url'],
    ['example.com/a', 'url'],
    ['example.com', 'domain'],
    ['@scam_boss', 'messenger'],
    ['t.me/scam_boss', 'messenger'],
    ['telegram:scam_boss', 'messenger'],
    ['KR:M12345678', 'passport'],
    ['M123A4567', 'passport'],
    ['900101-1234567', 'national_id'],
    ['KR:9001011234567', 'national_id'],
  ])('guesses %s is a %s', (raw, kind) => {
    expect(detectIdentifierKind(raw)).toBe(kind);
  });

  it.each([
    ['(+855) 97-123-4567', 'phone'],
    ['(+82) 10-4803-0422', 'phone'],
    ['Tel: +855 12 345 678', 'phone'],
    ['휴대폰: 010-4803-0422', 'phone'],
    ['USDT(TRC20): TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto_wallet'],
    ['TRX TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'crypto_wallet'],
    ['ETH: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'crypto_wallet'],
    ['BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'crypto_wallet'],
    ['이더리움 지갑 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'crypto_wallet'],
    ['KB: 15146262463587', 'bank_account'],
    ['Kakao Bank 3333-01-1234567', 'bank_account'],
    ['국민은행(예금주 박서준) 151462-62-463587', 'bank_account'],
    ['KB 국민은행 151462 62 463587 (예금주: 박서준)', 'bank_account'],
    ['TG: @scam_boss', 'messenger'],
    ['tg://resolve?domain=scam_boss', 'messenger'],
    ['recruit.king54[at]gmail[.]com', 'email'],
    ['recruit.king54(at)gmail.com', 'email'],
    ['<https://easy-loan.top/login?id=1>', 'url'],
  ])('guesses %s written the way officers write it is a %s', (raw, kind) => {
    expect(detectIdentifierKind(raw)).toBe(kind);
  });

  it('gives up on text that is no identifier', () => {
    expect(detectIdentifierKind('hello there')).toBeUndefined();
    expect(detectIdentifierKind('')).toBeUndefined();
  });
});

describe('normaliseIdentifier', () => {
  it('dispatches with the context', () => {
    expect(normaliseIdentifier('phone', '012 345 678', { defaultCountry: 'KH' }).value).toBe('+85512345678');
    expect(normaliseIdentifier('bank_account', '110-123-456789', { bank: '088' }).value).toBe(
      'bank:088:110123456789',
    );
    expect(normaliseIdentifier('messenger', 'hanbok77', { platform: 'kakaotalk' }).value).toBe(
      'kakaotalk:hanbok77',
    );
  });

  it('detects and normalises in one step', () => {
    expect(normaliseAnyIdentifier('0855 12 345 678')?.value).toBe('+85512345678');
  });

  it('reads a guessed phone without a calling code in the default country, and says so', () => {
    expect(normaliseAnyIdentifier('(+855) 97-123-4567')?.value).toBe('+855971234567');
    expect(normaliseAnyIdentifier('097 123 4567', { defaultCountry: 'KH' })).toMatchObject({
      kind: 'phone',
      valid: true,
      value: '+855971234567',
      details: { countryAssumed: 'KH' },
    });
  });

  it('never throws, always returns a well-formed result keeping the raw input, for every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...identifierKinds), fc.string({ unit: 'binary' }), (kind, raw) => {
        const result = normaliseIdentifier(kind, raw, { defaultCountry: 'KR' });
        expect(normalisedIdentifierSchema.parse(result)).toEqual(result);
        expect(result.kind).toBe(kind);
        expect(result.raw).toBe(raw);
        if (!result.valid) expect(result.problem).toBeTruthy();
        expect(() => detectIdentifierKind(raw)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same value when any valid value is normalised again (idempotence across kinds)', () => {
    const samples: Array<[(typeof identifierKinds)[number], string]> = [
      ['phone', '+855 12 345 678'],
      ['email', 'Kim@한국.kr'],
      ['bank_account', 'KB 123456-01-234567'],
      ['crypto_wallet', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
      ['url', 'WWW.Example.com/x?utm_source=a'],
      ['domain', 'www.한국.kr'],
      ['messenger', 'https://t.me/Scam_Boss'],
      ['passport', 'KOR M123A4567'],
      ['national_id', '900101-1234567'],
    ];
    for (const [kind, raw] of samples) {
      const first = normaliseIdentifier(kind, raw);
      expect(first.valid).toBe(true);
      expect(normaliseIdentifier(kind, first.value).value).toBe(first.value);
      expect(normaliseIdentifier(kind, first.display).value).toBe(first.value);
    }
  });
});
